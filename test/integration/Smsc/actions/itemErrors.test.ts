/**
 * actions/itemErrors.ts (errorItem, FailedEntry) through n8n's engine: with the node's On Error
 * setting at "Continue (using error output)", n8n routes an item to the error output only when it
 * carries its error (workflow-execute's handleNodeErrorOutput); an item whose JSON names more than
 * the error's text would stay on the success output. On the error output n8n keeps the error's
 * message (beside the input item's fields, where it can resolve the pairing).
 */
import { messageAccount, newAccount } from '../../../support/accounts';
import { messages, usePhoneBook } from '../../../support/resources';

const { emu, contact, seedContact } = usePhoneBook();
const message = messages(emu);

describe('With On Error: Continue (using error output)', () => {
	it('an operation run item by item sends the failed item to the error output, the others to the success output', async () => {
		const login = newAccount(emu);
		await seedContact(login, '79995550001', { name: 'Ivan' });
		const { result } = await contact.run(
			login,
			'get',
			{ phone: '={{ $json.phone }}' },
			{
				items: [{ phone: '+79995550001' }, { phone: '+79995559999' }],
				continueOnFail: 'errorOutput',
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.json('SMSC', 0)).toEqual([
			expect.objectContaining({ phone: '79995550001', name: 'Ivan' }),
		]);
		const [failed] = result.output('SMSC', 1);
		expect(result.output('SMSC', 1)).toHaveLength(1);
		expect(failed.json.error).toMatch(/SMSC has no contact with phone \+79995559999.*\[item 1\]/);
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.pairedItem).toEqual({ item: 1 });
	});

	it('Send sends an item refused before any request to the error output and the valid one to SMSC', async () => {
		const login = messageAccount(emu);
		const { result, requests } = await message.run(
			login,
			'send',
			{ phones: '={{ $json.phone }}', message: 'Hello' },
			{ items: [{ phone: 'call me' }, { phone: '+79991234567' }], continueOnFail: 'errorOutput' },
		);
		expect(result.error).toBeUndefined();
		expect(result.json('SMSC', 0)).toEqual([expect.objectContaining({ phones: ['+79991234567'] })]);
		const errors = result.output('SMSC', 1);
		expect(errors.map((item) => [item.error?.name, item.pairedItem])).toEqual([
			['NodeOperationError', { item: 0 }],
		]);
		expect(String(errors[0].json.error)).toMatch(
			/"call me" is not a phone number in international format.*\[item 0\]/,
		);
		expect(requests).toHaveLength(1);
	});

	it('Get Status (version 2) sends a message SMSC does not know to the error output and the found status to the success output', async () => {
		const login = messageAccount(emu, { balance: 5000 });
		const sent = await message.sendDirect(login, { phones: '79991234567', mes: 'Hello' });
		await message.settle();
		const { result } = await message.run(
			login,
			'getStatus',
			{ messageId: `${String(sent.id)},999`, phones: '+79991234567,+79991234569' },
			{ typeVersion: 2, continueOnFail: 'errorOutput' },
		);
		expect(result.error).toBeUndefined();
		expect(result.json('SMSC', 0)).toEqual([
			expect.objectContaining({ id: sent.id, phone: '+79991234567' }),
		]);
		const errors = result.output('SMSC', 1);
		expect(errors).toHaveLength(1);
		expect(errors[0].json).toEqual({
			error: expect.stringMatching(/SMSC has no message 999 to \+79991234569.*\[item 0\]/),
		});
		expect(errors[0].error?.name).toBe('NodeApiError');
	});
});
