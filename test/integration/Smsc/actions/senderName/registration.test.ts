/**
 * Sender Name Create for Ukraine and Belarus, and the document for the operators (SMSC page
 * "Управление именами отправителей": `ua_reg`/`ua_int`, `by_reg`/`by_int` and their fields, a file
 * of jpg, tif, pdf, png, zip or rar up to 3 MB with `doc_info`).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { useEmulator } from '../../../../support/emulator';
import { forResource, newAccount, runAs } from '../../../../support/accounts';

const emu = useEmulator();

const senderName = forResource('senderName');

const UKRAINE = {
	tariff: 'ua_int',
	fio: 'TOV Shop',
	inn: '12345678',
	site: 'https://shop.example.com',
	email: 'office@shop.example.com',
	address: 'Kyiv, Khreshchatyk 1',
	desc: 'Online shop',
	subj: 'Order notices',
};
const BELARUS = {
	tariff: 'by_reg',
	by_fio: 'OOO Shop',
	by_inn: '190000000',
	by_address: 'Minsk, Nezavisimosti 1',
	by_mes: 'Your order 42 is ready',
	by_site: 'https://shop.example.by',
	by_ocup: 7,
	by_type: 2,
};

function withDocument(fileName: string, bytes: Buffer): INodeExecutionData {
	return {
		json: {},
		binary: {
			doc: {
				data: bytes.toString('base64'),
				mimeType: 'application/pdf',
				fileName,
				fileExtension: fileName.split('.').pop(),
			},
		},
	};
}

const create = (additionalFields: IDataObject) =>
	senderName('create', { senderType: 'name', senderName: 'ShopUA', additionalFields });

describe('Sender Name: Create for Ukraine and Belarus, with a document', () => {
	it('sends ua_int and by_reg with every company field, and the document with doc_info', async () => {
		const login = newAccount(emu);
		const { json, requests, result } = await runAs(
			emu,
			login,
			'senders',
			create({
				ukraine: { details: UKRAINE },
				belarus: { details: BELARUS },
				document: 'doc',
				documentInfo: 'Trademark certificate',
			}),
			{ items: [withDocument('trademark.pdf', Buffer.alloc(2000, 1))] },
		);
		expect(result.error).toBeUndefined();
		const { tariff: _ua, ...uaFields } = UKRAINE;
		const { tariff: _by, ...byFields } = BELARUS;
		expect(requests[0]).toMatchObject({
			add: '1',
			sender: 'ShopUA',
			ua_int: '1',
			by_reg: '1',
			doc_info: 'Trademark certificate',
			...uaFields,
			...Object.fromEntries(Object.entries(byFields).map(([k, v]) => [k, String(v)])),
		});
		expect(json[0]).toMatchObject({ id: expect.any(Number), document: 'trademark.pdf' });
		const [listed] = (
			await runAs(
				emu,
				login,
				'senders',
				senderName('getAll', {
					returnAll: true,
					filters: { activeOnly: false },
					options: { documents: true },
				}),
			)
		).json;
		expect(listed.files).toEqual([
			{ file: 'trademark.pdf', fid: expect.any(Number), fstatus: 0, fcomment: '' },
		]);
	});

	it.each<[string, IDataObject, INodeExecutionData[], RegExp]>([
		[
			'a missing Ukraine company field',
			{ ukraine: { details: { ...UKRAINE, inn: ' ' } } },
			[{ json: {} }],
			/^The Ukraine Registration > EDRPOU \/ Tax Number is empty\./,
		],
		[
			'a Belarus field of activity above 19',
			{ belarus: { details: { ...BELARUS, by_ocup: '={{ 20 }}' } } },
			[{ json: {} }],
			/^Belarus Registration > Field of Activity "20" is not a whole number from 1 to 19\./,
		],
		[
			"a Belarus tariff of Ukraine's",
			{ belarus: { details: { ...BELARUS, tariff: '={{ "ua_reg" }}' } } },
			[{ json: {} }],
			/^Belarus Registration > Tariff "ua_reg" is not by_reg or by_int\./,
		],
		[
			'a document of another type',
			{ document: 'doc' },
			[withDocument('logo.gif', Buffer.alloc(100, 1))],
			/not a jpg, tif, pdf, png, zip or rar file/,
		],
		[
			'a document over 3 MB',
			{ document: 'doc' },
			[withDocument('big.pdf', Buffer.alloc(3 * 1024 * 1024 + 1, 1))],
			/larger than 3 MB/,
		],
		[
			'a Document Description without a document',
			{ documentInfo: 'Certificate' },
			[{ json: {} }],
			/Document Description needs a Document/,
		],
	])('refuses %s before any request', async (_what, fields, items, message) => {
		const login = newAccount(emu);
		const { requests, result } = await runAs(emu, login, 'senders', create(fields), { items });
		expect(result.error?.message).toMatch(message);
		expect(requests).toEqual([]);
	});
});
