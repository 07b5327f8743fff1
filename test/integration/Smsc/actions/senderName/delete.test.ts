import { newAccount, senderRef } from '../../../../support/accounts';
import { useSenderNames } from '../../../../support/resources';

const { emu, senderName, seedSender, allSenders } = useSenderNames();

describe('Sender Name: Delete', () => {
	it('deletes names by name and by ID', async () => {
		const login = newAccount(emu);
		await seedSender(login, 'Shop');
		const news = await seedSender(login, 'News');
		await seedSender(login, 'Keep');
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
		await seedSender(login, 'Shop');
		const { stopped } = await senderName.expectItemFails(login, 'delete', {
			fields: { sender: '={{ $json.ref }}' },
			items: [{ ref: senderRef(9999, 'id') }, { ref: senderRef('Shop') }],
			error: 'NodeApiError',
			message: /SMSC has no sender name with ID 9999 \(SMSC error 3: "records not found"\)/,
			outputs: [{ deleted: true, sender: 'Shop' }],
		});
		expect(stopped.requests).toHaveLength(1);
		expect(await allSenders(login)).toEqual([]);
	});
});
