/**
 * Files with a message (SMSC page "Відправка SMS-повідомлення": MMS "files are passed in the body of
 * the http request", e-mail and voice call attachments "by POST in the body"): taken from the item's
 * binary fields, checked before any request, sent as a multipart body the node writes itself.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { useEmulator } from '../../../../support/emulator';
import { messageAccount, runMessage } from '../../../../support/accounts';

const emu = useEmulator();

const PNG = Buffer.concat([Buffer.from('89504E470D0A1A0A', 'hex'), Buffer.alloc(400, 0x2d)]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function item(
	json: IDataObject,
	files: Record<string, { fileName: string; mimeType: string; bytes: Buffer }> = {},
): INodeExecutionData {
	const binary = Object.fromEntries(
		Object.entries(files).map(([property, { fileName, mimeType, bytes }]) => [
			property,
			{
				data: bytes.toString('base64'),
				mimeType,
				fileName,
				fileExtension: fileName.split('.').pop(),
			},
		]),
	);
	return { json, ...(Object.keys(binary).length ? { binary } : {}) };
}

async function send(
	login: string,
	parameters: IDataObject,
	items: INodeExecutionData[],
	continueOnFail = false,
) {
	const run = await runMessage(
		emu,
		login,
		{ operation: 'send', phones: '={{ $json.phone }}', ...parameters },
		{ items, continueOnFail },
	);
	return { ...run, error: run.result.error?.message ?? '' };
}

describe('Message: Send with files', () => {
	it('MMS: the files of the named binary fields go in a multipart body with mms=1 and the subject', async () => {
		const login = messageAccount(emu);
		const clip = Buffer.alloc(1500, 0x11);
		const { error, requests, json } = await send(
			login,
			{
				channel: 'mms',
				subject: 'Your order',
				message: 'See the photo',
				attachments: 'photo, clip',
			},
			[
				item(
					{ phone: '+79991234567' },
					{
						photo: { fileName: 'order.png', mimeType: 'image/png', bytes: PNG },
						clip: { fileName: 'clip.3gp', mimeType: 'video/3gpp', bytes: clip },
					},
				),
			],
		);
		expect(error).toBe('');
		expect(requests).toEqual([
			{
				phones: '+79991234567',
				mes: 'See the photo',
				mms: '1',
				subj: 'Your order',
				'file:file0': 'order.png',
				'file:file1': 'clip.3gp',
			},
		]);
		const [message] = emu.getMessages({ login });
		expect(message).toMatchObject({ channel: 'mms', subject: 'Your order', text: 'See the photo' });
		expect(message.files).toEqual([
			{
				field: 'file0',
				filename: 'order.png',
				contentType: 'image/png',
				size: PNG.length,
				sha256: sha256(PNG),
			},
			{
				field: 'file1',
				filename: 'clip.3gp',
				contentType: 'video/3gpp',
				size: clip.length,
				sha256: sha256(clip),
			},
		]);
		expect(json[0]).toMatchObject({ id: message.id, channel: 'mms' });
	});

	it('e-mail and voice call attachments: any file type, recorded byte for byte', async () => {
		const login = messageAccount(emu);
		const pdf = Buffer.from('%PDF-1.4\n' + 'x'.repeat(300));
		const mail = await send(
			login,
			{
				channel: 'mail',
				emails: '={{ $json.mail }}',
				subject: 'Invoice',
				message: 'Attached',
				senderEmail: 'shop@example.com',
				attachments: 'invoice',
			},
			[
				item(
					{ mail: 'anna@example.com' },
					{ invoice: { fileName: 'invoice.pdf', mimeType: 'application/pdf', bytes: pdf } },
				),
			],
		);
		expect(mail.error).toBe('');
		const mp3 = Buffer.alloc(2048, 0xff);
		const call = await send(login, { channel: 'call', message: 'Hello', attachments: 'greeting' }, [
			item(
				{ phone: '+79991234567' },
				{ greeting: { fileName: 'greeting.mp3', mimeType: 'audio/mpeg', bytes: mp3 } },
			),
		]);
		expect(call.error).toBe('');
		const fileOnly = await send(login, { channel: 'call', message: '', attachments: 'greeting' }, [
			item(
				{ phone: '+79991234568' },
				{ greeting: { fileName: 'greeting.mp3', mimeType: 'audio/mpeg', bytes: mp3 } },
			),
		]);
		expect(fileOnly.error).toBe('');
		expect(fileOnly.requests.at(-1)).toEqual({
			phones: '+79991234568',
			call: '1',
			voice: 'm3',
			'file:file0': 'greeting.mp3',
		});
		expect(
			emu
				.getMessages({ login })
				.map((m) => [m.channel, m.files.map((f) => [f.filename, f.size, f.sha256])]),
		).toEqual([
			['mail', [['invoice.pdf', pdf.length, sha256(pdf)]]],
			['call', [['greeting.mp3', mp3.length, sha256(mp3)]]],
			['call', [['greeting.mp3', mp3.length, sha256(mp3)]]],
		]);
	});

	it('batching: items with files go one request each, items without share a list request', async () => {
		const login = messageAccount(emu);
		const photo = { photo: { fileName: 'a.png', mimeType: 'image/png', bytes: PNG } };
		const { error, requests, output } = await send(
			login,
			{ channel: 'mms', subject: '={{ $json.subject }}', attachments: '={{ $json.files }}' },
			[
				item({ phone: '+79991230001', subject: 'One', files: 'photo' }, photo),
				item({ phone: '+79991230002', subject: 'Two', files: '' }),
				item({ phone: '+79991230003', subject: 'Three', files: 'photo' }, photo),
				item({ phone: '+79991230004', subject: 'Two', files: '' }),
			],
		);
		expect(error).toBe('');
		expect(requests).toHaveLength(3);
		expect(
			requests.filter((r) => r['file:file0'] === 'a.png').map((r) => [r.phones, r.list]),
		).toEqual([
			['+79991230001', undefined],
			['+79991230003', undefined],
		]);
		expect(requests.find((r) => r.list !== undefined)).toMatchObject({
			list: '+79991230002:\n+79991230004:',
			subj: 'Two',
		});
		expect(output.map((o) => o.pairedItem)).toEqual([0, 1, 2, 3].map((i) => ({ item: i })));
		expect(emu.getMessages({ login }).filter((m) => m.files.length === 1)).toHaveLength(2);
	});

	it('refuses before any request: an MMS file of a type SMSC does not list, a missing binary field, an empty MMS', async () => {
		const login = messageAccount(emu);
		const pdf = await send(login, { channel: 'mms', subject: 'Terms', attachments: 'doc' }, [
			item(
				{ phone: '+79991234567' },
				{ doc: { fileName: 'terms.pdf', mimeType: 'application/pdf', bytes: PNG } },
			),
		]);
		expect(pdf.error).toMatch(
			/The file "terms.pdf" \(binary field "doc"\) cannot go in an MMS: SMSC takes only txt, jpg, gif, png, wav, amr, mp3, mid, mp4, 3gp files/,
		);
		const missing = await send(
			login,
			{ channel: 'call', message: 'Hi', attachments: 'recording' },
			[item({ phone: '+79991234567' })],
		);
		expect(missing.error).toMatch(/The item has no binary field "recording" to attach/);
		const empty = await send(login, { channel: 'mms' }, [item({ phone: '+79991234567' })]);
		expect(empty.error).toMatch(/An MMS needs a text, a subject or a file/);
		const silentCall = await send(login, { channel: 'call', message: '' }, [
			item({ phone: '+79991234567' }),
		]);
		expect(silentCall.error).toMatch(
			/^The Message is empty\. Enter the text the call reads out, or files in Attachments\./,
		);
		expect(silentCall.requests).toEqual([]);
		expect(empty.requests).toEqual([]);
	});

	it('Get Cost prices an MMS with its files (cost=1, multipart) and sends nothing', async () => {
		const login = messageAccount(emu);
		const run = await runMessage(
			emu,
			login,
			{
				operation: 'getCost',
				channel: 'mms',
				phones: '={{ $json.phone }}',
				subject: 'Photo',
				attachments: 'photo',
			},
			{
				items: [
					item(
						{ phone: '+79991234567' },
						{ photo: { fileName: 'a.gif', mimeType: 'image/gif', bytes: PNG } },
					),
				],
			},
		);
		expect(run.result.error).toBeUndefined();
		expect(run.requests).toEqual([
			{ phones: '+79991234567', mms: '1', subj: 'Photo', cost: '1', 'file:file0': 'a.gif' },
		]);
		expect(run.json).toEqual([
			expect.objectContaining({ channel: 'mms', cost: expect.any(Number) }),
		]);
		expect(emu.getMessages({ login })).toEqual([]);
	});
});
