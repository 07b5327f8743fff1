import { useEmulator } from '../../../../support/emulator';
import {
	newAccount,
	resourceRuns,
	runAs,
	seedSender,
	senderRef,
} from '../../../../support/accounts';
import { senderNames } from '../../../../support/resources';

const emu = useEmulator();

const senderName = resourceRuns(emu, 'senderName', 'senders');
const { allSenders } = senderNames(emu);

describe('Sender Name: Delete', () => {
	it('deletes names by name and by ID', async () => {
		const login = newAccount(emu);
		await seedSender(emu, login, 'Shop');
		const news = await seedSender(emu, login, 'News');
		await seedSender(emu, login, 'Keep');
		const { json, requests } = await senderName.run(
			login,
			'delete',
			{ sender: '={{ $json.ref }}' },
			{
				items: [{ ref: senderRef('Shop', 'name') }, { ref: senderRef(news, 'id') }],
			},
		);
		expect(requests).toEqual([
			{ del: '1', sender: 'Shop' },
			{ del: '1', id: String(news) },
		]);
		expect(json).toEqual([
			{ deleted: true, sender: 'Shop' },
			{ deleted: true, id: news },
		]);
		expect((await allSenders(login)).map((row) => row.sender)).toEqual(['Keep']);
	});

	it('names the missing ID, or with continueOnFail outputs the error and goes on', async () => {
		const login = newAccount(emu);
		await seedSender(emu, login, 'Shop');
		const items = [{ ref: senderRef(9999, 'id') }, { ref: senderRef('Shop') }];
		const parameters = senderName('delete', { sender: '={{ $json.ref }}' });
		const stopped = await runAs(emu, login, 'senders', parameters, { items });
		expect(stopped.result.error?.message).toMatch(
			/SMSC has no sender name with ID 9999 \(SMSC error 3: "records not found"\).*\[item 0\]/,
		);
		expect(stopped.requests).toHaveLength(1);
		const continued = await runAs(emu, login, 'senders', parameters, {
			items,
			continueOnFail: true,
		});
		expect(continued.json).toEqual([
			{ error: expect.stringMatching(/no sender name with ID 9999/), itemIndex: 0 },
			{ deleted: true, sender: 'Shop' },
		]);
		expect(await allSenders(login)).toEqual([]);
	});
});
