/**
 * The SMSC Trigger's version 3 (docs/smsc-trigger.md): the webhook path carries the token, so the
 * Production URL n8n shows is the whole URL SMSC calls, and the items have the names, phones and
 * times of shared/triggers/event.ts. Versions 1 and 2 are SmscTrigger.test.ts's.
 */
import type { IDataObject } from 'n8n-workflow';

import { newAccount, smscApi } from '../support/accounts';
import { useEmulator } from '../support/emulator';
import { postForm } from '../support/http';
import { ISO_MOSCOW, TOKEN, UNDELIVERABLE_EVENT, startTriggerServer } from '../support/triggers';
import type { TriggerServer } from '../support/triggers';
import { triggerSchemaViolations } from '../support/schema';

const emu = useEmulator({ manualClock: true, callbackPolicy: { retries: 0, timeoutMs: 3000 } });
let server: TriggerServer | undefined;

afterEach(async () => {
	await server?.close();
	server = undefined;
});

/** A version 3 trigger whose Production URL is pasted into SMSC as it is, nothing added. */
async function setUp(method: 'GET' | 'POST' = 'POST', query = ''): Promise<string> {
	server = await startTriggerServer(
		{ events: ['deliveryStatus', 'incomingMessage', 'callVerification'], token: TOKEN },
		3,
	);
	await server.activate();
	const login = newAccount(emu);
	emu.setHandlerUrl({ login, url: `${server.url}${query}`, method, statusCallbacks: 'final' });
	return login;
}

async function settle(): Promise<void> {
	emu.advanceClock({ ms: 1000 });
	await emu.waitForCallbacks();
	await server?.idle();
}

describe('SMSC Trigger version 3', () => {
	it('shows the whole URL to paste: the Production URL ends with the token', async () => {
		await setUp();
		expect(server!.url).toMatch(new RegExp(`/webhook/[^/]+/smsc/${TOKEN}$`));
	});

	it('keeps the token out of static data, though its URL ends with it, and re-activates as it is', async () => {
		await setUp();
		const stored = JSON.stringify(server!.staticData);
		expect(stored).toContain('tokenFingerprint');
		expect(stored).toContain(server!.url.slice(0, server!.url.lastIndexOf('/')));
		expect(stored).not.toContain(TOKEN);
		await server!.activate();
		expect(JSON.stringify(server!.staticData)).toBe(stored);
		await server!.deactivate();
		expect(JSON.stringify(server!.staticData)).not.toContain('/smsc');
	});

	it.each(['POST', 'GET'] as const)(
		'emits an incoming message (%s) with "+" phones, ISO times with the zone and the fields as sent under raw',
		async (method) => {
			const login = await setUp(method);
			emu.injectIncoming({ login, phone: '79991234567', mes: 'Привет & 100%', to: '74950000101' });
			await settle();
			expect(server!.runs).toHaveLength(1);
			const [item] = server!.runs[0];
			const raw = item.raw as IDataObject;
			expect(item).toMatchObject({
				event: 'incomingMessage',
				phone: '+79991234567',
				to: '+74950000101',
				text: 'Привет & 100%',
				id: Number(raw.id),
			});
			expect(raw).toMatchObject({ phone: '79991234567', mes: 'Привет & 100%', to: '74950000101' });
			expect(item.sentDate).toMatch(ISO_MOSCOW);
			expect(Date.parse(String(item.sentDate)) / 1000).toBe(Number(raw.sent));
			expect(Date.parse(String(item.receivedDate)) / 1000).toBe(Number(raw.smsc_time));
			// nothing of SMSC's beside the node's own names: SMSC's fields are under raw only
			expect(item).not.toHaveProperty('mes');
			expect(item).not.toHaveProperty('sentIso');
			expect(triggerSchemaViolations('SmscTrigger', item, 3)).toEqual([]);
		},
	);

	it('reads UTF-8 when the URL asks SMSC for it (?charset=utf-8 after the token), e.g. for emoji', async () => {
		const login = await setUp('POST', '?charset=utf-8');
		emu.injectIncoming({ login, phone: '79991234567', mes: 'Привет 👋', to: '74950000101' });
		await settle();
		expect(server!.runs.flat().map((item) => item.text)).toEqual(['Привет 👋']);
	});

	it('emits a delivery status with the names Get Status uses, lastDate the instant of SMSC ts', async () => {
		const login = await setUp();
		emu.setPhoneOutcome({ login, phone: '79991234568', status: 20, err: 1 });
		await smscApi(emu, login, 'send', { phones: '79991234568', mes: 'Hello' });
		await settle();
		const [item] = server!.runs.flat();
		const raw = item.raw as IDataObject;
		expect(item).toMatchObject({
			...UNDELIVERABLE_EVENT,
			phone: '+79991234568',
			final: true,
			delivered: false,
		});
		expect(item).not.toHaveProperty('err');
		expect(item.lastDate).toMatch(ISO_MOSCOW);
		expect(Date.parse(String(item.lastDate)) / 1000).toBe(Number(raw.time));
		// SMSC's ts is the same instant as Moscow wall time
		const [, y, m, d, time] = /^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d)/.exec(
			String(item.lastDate),
		)!;
		expect(raw.ts).toBe(`${d}.${m}.${y} ${time}`);
		expect(triggerSchemaViolations('SmscTrigger', item, 3)).toEqual([]);
	});

	it('starts nothing for a call without the token in the path, nor for the version 2 URL form', async () => {
		const login = await setUp();
		const base = server!.url.replace(new RegExp(`/${TOKEN}$`), '');
		for (const url of [`${base}/wrong-token-0123456789`, `${base}?token=${TOKEN}`]) {
			const answer = await postForm(url, 'id=1&phone=79991234567&mes=forged');
			expect(answer.status).not.toBe(200);
		}
		expect(server!.runs).toEqual([]);
		expect(login).toBeTruthy();
	});
});
