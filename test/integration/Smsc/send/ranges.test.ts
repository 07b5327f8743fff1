/**
 * Every range the editor enforces is checked again when the node runs, so a value set by an
 * expression cannot reach SMSC outside it: a NodeOperationError names the item, before any request.
 * Ranges from SMSC's page "Відправка SMS-повідомлення" (period, freq, voice, sender, translit) and
 * the node's own (Batch Size, Concurrency, Limit).
 */
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../../support/emulator';
import { messageAccount, requests, runMessage } from '../../../support/accounts';

const emu = useEmulator();

const sms = { phones: '+79991234567', message: 'Hello' };

async function send(parameters: IDataObject, operation = 'send') {
	const login = messageAccount(emu);
	const run = await runMessage(emu, login, { operation, ...parameters });
	return {
		error: run.result.error?.message ?? '',
		errorName: run.result.error?.errorName,
		requests: requests(emu, login).concat(requests(emu, login, 'get')),
	};
}

describe('run-time checks of the ranges the editor checks', () => {
	it.each<[string, IDataObject, RegExp]>([
		[
			'Spread Over above 720 hours',
			{ options: { period: '={{ 721 }}', freq: 10 } },
			/Spread Over \(Hours\) "721" is not a number from 0\.1 to 720\./,
		],
		[
			'Spread Over below 0.1 hours',
			{ options: { period: '={{ 0.05 }}', freq: 10 } },
			/Spread Over \(Hours\) "0\.05" is not a number from 0\.1 to 720\./,
		],
		[
			'Spread Step of 0 minutes',
			{ options: { period: 2, freq: '={{ 0 }}' } },
			/Spread Step \(Minutes\) "0" is not a number from 1 to 1440\./,
		],
		[
			'Spread Step above 1440 minutes',
			{ options: { period: 2, freq: '={{ 1441 }}' } },
			/Spread Step \(Minutes\) "1441" is not a number from 1 to 1440\./,
		],
		[
			'Max SMS Parts of 0',
			{ options: { maxParts: '={{ 0 }}' } },
			/Max SMS Parts "0" is not a whole number of 1 or more/,
		],
		[
			'Confirm Number Every (Days) of 5',
			{ options: { confirmEveryDays: '={{ 5 }}' } },
			/Confirm Number Every \(Days\) "5" is not a whole number from 10 to 999\./,
		],
		['Translit 5', { options: { translit: '={{ 5 }}' } }, /Translit "5" is not 0, 1 or 2/],
		[
			'Cost Reporting 1, which would price the message and send nothing',
			{ options: { costReport: '={{ 1 }}' } },
			/Cost Reporting "1" is not 0 \(None\), 2 \(Cost\) or 3/,
		],
		[
			'Send After of half a minute',
			{ options: { delayMinutes: '={{ 0.4 }}' } },
			/Send After \(Minutes\) must be a positive number of minutes/,
		],
		[
			'a Cyrillic sender name',
			{ options: { sender: '={{ "Магазин" }}' } },
			/Sender name "Магазин" has characters SMSC does not allow.*\[item 0\]/,
		],
	])('%s is refused before any request', async (_what, parameters, message) => {
		const { error, errorName, requests: sent } = await send({ ...sms, ...parameters });
		expect(error).toMatch(message);
		expect(errorName).toBe('NodeOperationError');
		expect(sent).toEqual([]);
	});

	it.each<[string, IDataObject, RegExp]>([
		[
			'a voice the page does not list',
			{ channel: 'call', voice: '={{ "robot" }}' },
			/Voice "robot" is not one SMSC offers/,
		],
		[
			'a call with 0 Attempts',
			{
				channel: 'call',
				voice: 'm',
				callOptions: { waitSeconds: 20, retryInterval: 60, attempts: '={{ 0 }}' },
			},
			/Attempts "0" is not a whole number from 1 to 9\./,
		],
		[
			'a bot name with a space',
			{ channel: 'bot', botName: '={{ "@my bot" }}' },
			/Bot Name "@my bot" is not a Telegram bot name/,
		],
	])('%s is refused before any request', async (_what, parameters, message) => {
		const { error, requests: sent } = await send({ ...sms, ...parameters });
		expect(error).toMatch(message);
		expect(sent).toEqual([]);
	});

	it('Get Many: a Limit of 0 or empty, a negative After ID and half an hour are refused before any request', async () => {
		const limit = await send({ returnAll: false, limit: '={{ 0 }}' }, 'getManyIncoming');
		expect(limit.error).toMatch(/Limit "0" is not a whole number of 1 or more/);
		const empty = await send({ returnAll: false, limit: '={{ "" }}' }, 'getManySent');
		expect(empty.error).toMatch(/^The Limit is empty\. Enter a whole number of 1 or more\./);
		const after = await send({ filters: { afterId: '={{ -1 }}' } }, 'getManyIncoming');
		expect(after.error).toMatch(/After ID "-1" is not a whole number of 0 or more/);
		const hours = await send({ filters: { hours: '={{ 0.5 }}' } }, 'getManyIncoming');
		expect(hours.error).toMatch(/^Last Hours "0\.5" is not a number from 1 to \d+\./);
		expect([...limit.requests, ...empty.requests, ...after.requests, ...hours.requests]).toEqual(
			[],
		);
	});

	it('the edges of each range are accepted and sent as the page writes them', async () => {
		const edges = await send({
			...sms,
			options: { period: '={{ 0.1 }}', freq: '={{ 1440 }}', maxParts: 1, translit: 2 },
		});
		expect(edges.error).toBe('');
		expect(edges.requests[0]).toMatchObject({
			period: '0.1',
			freq: '1440',
			maxsms: '1',
			translit: '2',
		});
	});

	it('the voice language goes as the page writes it: "m, en"', async () => {
		const call = await send({
			channel: 'call',
			phones: '+79991234567',
			message: 'Your code is 1 2 3 4',
			voice: 'm',
			callOptions: { language: 'EN' },
		});
		expect(call.error).toBe('');
		expect(call.requests[0]).toMatchObject({ call: '1', voice: 'm, en' });
	});
});

describe('run-time checks of the Bulk Options ranges at version 2 (version 1 floors them, at least 1, Concurrency at most 14)', () => {
	it.each<[string, IDataObject, RegExp]>([
		[
			'Batch Size above 1000',
			{ bulkOptions: { batchSize: '={{ 5000 }}' } },
			/Bulk Options > Batch Size "5000" is not a whole number from 1 to 1000/,
		],
		[
			'Concurrency above 14',
			{ bulkOptions: { concurrency: '={{ 20 }}' } },
			/Bulk Options > Concurrency "20" is not a whole number from 1 to 14/,
		],
	])('%s is refused before any request', async (_what, parameters, message) => {
		const login = messageAccount(emu);
		const run = await runMessage(
			emu,
			login,
			{ operation: 'send', ...sms, ...parameters },
			{ typeVersion: 2 },
		);
		expect(run.result.error?.message).toMatch(message);
		expect(run.result.error?.errorName).toBe('NodeOperationError');
		expect(requests(emu, login)).toEqual([]);
	});
});
