/**
 * "The server also blocks sending more than 50 messages to one subscriber sent with less than 60
 * seconds between them" (SMSC page "Відправка SMS-повідомлення"). How SMSC answers is not stated:
 * the emulator refuses the recipient (status 23) and, when every recipient is refused, error 8.
 */
import { call, useEmulator } from './helpers';

const emu = useEmulator({ manualClock: true });

const send = async (phones: string, n: number) =>
	(await call(emu, 'send', { fmt: 3, phones, mes: `message ${n}`, op: 1 })).json;

test('the 51st message less than 60 s after the last one is refused; other numbers are not', async () => {
	for (let n = 1; n <= 50; n++) {
		expect(await send('79990000001', n)).toMatchObject({ id: expect.anything() });
		emu.advanceClock({ ms: 59_000 });
	}
	expect(await send('79990000001', 51)).toMatchObject({ error_code: 8 });
	const both = await send('79990000001,79990000002', 52);
	expect(both.phones).toEqual([
		expect.objectContaining({ phone: '79990000001', status: '23' }),
		expect.objectContaining({ phone: '79990000002', status: '-1' }),
	]);
});

test('a gap of 60 s or more starts a new count', async () => {
	for (let n = 1; n <= 50; n++) {
		await send('79990000003', n);
		emu.advanceClock({ ms: 1_000 });
	}
	emu.advanceClock({ ms: 60_000 });
	expect(await send('79990000003', 51)).toMatchObject({ id: expect.anything() });
});
