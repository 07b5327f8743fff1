/**
 * The SMSC Poll Trigger's version 2 (docs/smsc-poll-trigger.md): the items of
 * shared/triggers/event.ts, the same fields as the SMSC Trigger's version 3 for the same facts.
 * Version 1 is SmscPollTrigger.test.ts's, unchanged.
 */
import type { IDataObject } from 'n8n-workflow';

import { newAccount, PASSWORD, smscApi } from '../support/accounts';
import { useEmulator } from '../support/emulator';
import { smscCredentials } from '../support/smsc';
import { ISO_MOSCOW, UNDELIVERABLE_EVENT, poller } from '../support/triggers';
import { triggerSchemaViolations } from '../support/schema';

const emu = useEmulator({ manualClock: true });

function watch(events: string[]) {
	const login = newAccount(emu);
	const trigger = poller(
		{ events },
		smscCredentials(emu.url, { login, password: PASSWORD }),
		{},
		2,
	);
	return { login, trigger };
}

describe('SMSC Poll Trigger version 2', () => {
	it('emits an incoming message with the SMSC Trigger version 3 names, "+" phones and ISO times', async () => {
		const { login, trigger } = watch(['incomingMessage']);
		expect(await trigger.poll()).toEqual([]);
		const { id } = emu.injectIncoming({
			login,
			phone: '79991234567',
			mes: 'Hi',
			to: '74950000101',
		});
		emu.advanceClock({ ms: 1000 });
		const [item] = await trigger.poll();
		const raw = item.raw as IDataObject;
		expect(item).toMatchObject({
			event: 'incomingMessage',
			id,
			phone: '+79991234567',
			to: '+74950000101',
			text: 'Hi',
		});
		expect(raw).toMatchObject({ phone: '79991234567', to_phone: '74950000101', message: 'Hi' });
		expect(item.sentDate).toMatch(ISO_MOSCOW);
		expect(item.receivedDate).toMatch(ISO_MOSCOW);
		expect(Date.parse(String(item.sentDate)) / 1000).toBe(Number(raw.sent));
		expect(triggerSchemaViolations('SmscPollTrigger', item, 2)).toEqual([]);
	});

	it('emits a delivery status with the names of Get Status, lastDate and sendDate as ISO', async () => {
		const { login, trigger } = watch(['deliveryStatus']);
		await trigger.poll();
		emu.setPhoneOutcome({ login, phone: '79990000002', status: 20, err: 1 });
		await smscApi(emu, login, 'send', { phones: '79990000002', mes: 'status test' });
		emu.advanceClock({ ms: 2000 });
		const [item] = await trigger.poll();
		const raw = item.raw as IDataObject;
		expect(item).toMatchObject({ ...UNDELIVERABLE_EVENT, phone: '+79990000002' });
		expect(item).not.toHaveProperty('previousStatus');
		expect(item.lastDate).toMatch(ISO_MOSCOW);
		expect(Date.parse(String(item.lastDate)) / 1000).toBe(Number(raw.last_timestamp));
		expect(Date.parse(String(item.sendDate)) / 1000).toBe(Number(raw.send_timestamp));
		expect(triggerSchemaViolations('SmscPollTrigger', item, 2)).toEqual([]);
	});
});
