/**
 * Where SMSC's pages show no answer, the node's reading is a guess (docs/fidelity.md). The emulator
 * answers in another plausible shape with `guessedShapes: 'other'`; these tests prove the node then
 * says so or gives SMSC's answer as it came, and never outputs a silently empty or wrong field.
 */
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../support/emulator';
import { messageAccount, phonesApi, runAs, runMessage } from '../../support/accounts';

const emu = useEmulator();

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe.each(['guess', 'other'] as const)('answers in the %s shape', (shape) => {
	it('Get Status of several messages: statuses by id and phone, or a clear error with the answer', async () => {
		const login = messageAccount(emu, { guessedShapes: shape });
		const first = await runMessage(emu, login, {
			operation: 'send',
			phones: '+79991234567',
			message: 'One',
		});
		const second = await runMessage(emu, login, {
			operation: 'send',
			phones: '+79991234568',
			message: 'Two',
		});
		await settle();
		const { json, result } = await runMessage(emu, login, {
			operation: 'getStatus',
			messageId: `${String(first.json[0].id)},${String(second.json[0].id)}`,
			phones: '+79991234567,+79991234568',
		});
		if (shape === 'guess') {
			expect(result.error).toBeUndefined();
			expect(json.map((row) => row.statusName)).toEqual(['delivered', 'delivered']);
		} else {
			// never "not found" for messages SMSC knows: the node refuses to guess which is which
			expect(result.error?.message).toMatch(
				/status answer is not a status list with the id and phone of each entry.*\[item 0\]/,
			);
			expect(result.error?.description).toMatch(/SMSC's answer: \[\{"status":1/);
		}
	});

	it('Report Wrong Numbers: the refused numbers, or SMSC answer as it came with a note', async () => {
		const login = messageAccount(emu, { guessedShapes: shape });
		await phonesApi(emu, login, { add_black: 1, phone: '79991234568' });
		const { json, result } = await runMessage(emu, login, {
			operation: 'send',
			phones: '+79991234567, +79991234568',
			message: 'Hi',
			options: { wrongNumbers: true },
		});
		expect(result.error).toBeUndefined();
		if (shape === 'guess') {
			expect(json[0].wrongNumbers).toEqual([
				expect.objectContaining({ phone: '79991234568', status: 23, error: 252 }),
			]);
		} else {
			expect(json[0]).not.toHaveProperty('wrongNumbers');
			expect(json[0].wrongNumbersNote).toMatch(/cannot tell which numbers it refused/);
			expect((json[0].rawResponse as IDataObject).errors).toEqual([
				expect.objectContaining({ phone: '79991234568', status: '23', error: '252' }),
			]);
		}
	});

	it("Sender Name Create: the new name's id, or SMSC's answer as it came", async () => {
		const login = messageAccount(emu, { guessedShapes: shape });
		const { json, result } = await runAs(emu, login, 'senders', {
			resource: 'senderName',
			operation: 'create',
			senderType: 'name',
			senderName: 'NewShop',
		});
		expect(result.error).toBeUndefined();
		if (shape === 'guess') expect(json[0]).toMatchObject({ id: expect.any(Number) });
		else {
			expect(json[0]).not.toHaveProperty('id');
			expect(json[0].smscAnswer).toEqual({ result: 'OK' });
		}
	});
});
