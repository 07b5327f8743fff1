/**
 * `guessedShapes: 'other'`: where SMSC's pages show no answer, the emulator can answer in another
 * plausible shape (README "guessedShapes"), so client tests can prove they do not depend on a guess.
 */
import { call, useEmulator } from './helpers';

const emu = useEmulator();

test('status.php list entries lose id and phone', async () => {
	await call(emu, 'send', { fmt: 3, phones: '79990000001,79990000002', mes: 'hi' });
	const ask = { fmt: 3, id: '1,1,', phone: '79990000001,79990000002,' };
	const guess = (await call(emu, 'status', ask)).json;
	expect(guess[0]).toMatchObject({ id: 1, phone: '79990000001' });
	emu.updateAccount({ login: 'demo', guessedShapes: 'other' });
	const other = (await call(emu, 'status', ask)).json;
	expect(other).toHaveLength(2);
	expect(other[0]).not.toHaveProperty('id');
	expect(other[0]).not.toHaveProperty('phone');
	expect(other[0]).toHaveProperty('status');
});

test("send.php err=1 lists refused numbers under errors; op=1 keeps the page's phones", async () => {
	emu.updateAccount({ login: 'demo', guessedShapes: 'other' });
	const err = (await call(emu, 'send', { fmt: 3, phones: '79990000001,123', mes: 'a', err: 1 }))
		.json;
	expect(err).not.toHaveProperty('phones');
	expect(err.errors).toEqual([expect.objectContaining({ status: '22', error: '249' })]);
	const op = (await call(emu, 'send', { fmt: 3, phones: '79990000001,123', mes: 'b', op: 1 })).json;
	expect(op.phones).toHaveLength(2);
});

test('senders.php add answers OK without the id', async () => {
	expect((await call(emu, 'senders', { fmt: 3, add: 1, sender: 'Alpha' })).json).toEqual({
		id: expect.any(Number),
	});
	emu.updateAccount({ login: 'demo', guessedShapes: 'other' });
	expect((await call(emu, 'senders', { fmt: 3, add: 1, sender: 'Beta' })).json).toEqual({
		result: 'OK',
	});
});
