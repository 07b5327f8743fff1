/**
 * How Send turns its options into send.php parameters (nodes/Smsc/send/prepare.ts), as
 * SMSC's send page ("Відправка SMS-повідомлення", 003) describes them, through n8n's engine against
 * the emulator: each test would fail if the node read the page the old way (issue 14).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { useEmulator } from '../../../support/emulator';
import { messageAccount, phonesApi } from '../../../support/accounts';
import { messages } from '../../../support/resources';

const emu = useEmulator();

const { send } = messages(emu);

describe('Message: Send options as send.php parameters', () => {
	it('Validity takes hh:mm, so a one-time code can live five minutes; out of range is refused before sending', async () => {
		const login = messageAccount(emu);
		const five = await send(login, {
			phones: '+79991234567',
			message: 'Code 1234',
			options: { valid: '00:05' },
		});
		expect(five.error).toBe('');
		expect(emu.getMessages({ login })[0].options.valid).toBe('00:05');
		const bad = await send(login, {
			phones: '+79991234567',
			message: 'Code 1234',
			options: { valid: '25' },
		});
		expect(bad.error).toMatch(/Validity "25" is not 1 to 24 hours or a time hh:mm/);
		expect(bad.requests).toHaveLength(1);
	});

	it('Time Zone: added but empty sends no tz (the account setting applies); the range reaches -15 and 11', async () => {
		const login = messageAccount(emu, { tz: 2 });
		const empty = await send(login, {
			phones: '+79991234567',
			message: 'Window',
			options: { hourWindow: '9-21', tz: '' },
		});
		expect(empty.error).toBe('');
		expect(empty.requests[0]).not.toHaveProperty('tz');
		const far = await send(login, {
			phones: '+79991234567',
			message: 'Far east',
			options: { hourWindow: '9-21', tz: '11' },
		});
		expect(far.requests[1]).toMatchObject({ tz: '11' });
		const wrong = await send(login, {
			phones: '+79991234567',
			message: 'Nowhere',
			options: { hourWindow: '9-21', tz: '12' },
		});
		expect(wrong.error).toMatch(
			/Time Zone "12" is not a number of hours from Moscow time from -15 to 11/,
		);
	});

	it('length: 1000 characters of mes, comment and marker included, counted in characters not UTF-16 units', async () => {
		const login = messageAccount(emu);
		const emoji = await send(login, { phones: '+79991234567', message: '😀'.repeat(600) });
		expect(emoji.error).toBe('');
		const comment = 'campaign 7';
		const tooLong = await send(login, {
			phones: '+79991234567',
			message: 'a'.repeat(1000 - comment.length - 4),
			options: { comment },
		});
		expect(tooLong.error).toMatch(
			/1001 characters long; SMSC accepts at most 1000 \(text, comment and the comment marker together\)/,
		);
	});

	it('an unregistered sender name: error 6 says the name is not registered', async () => {
		const login = messageAccount(emu);
		const { error } = await send(login, {
			phones: '+79991234567',
			message: 'Hi',
			options: { sender: 'Unknown' },
		});
		expect(error).toMatch(
			/error 6\): the sender name is not registered and approved in the SMSC account/,
		);
	});

	it('Report Wrong Numbers (err=1) lists the refused recipients', async () => {
		const login = messageAccount(emu);
		await phonesApi(emu, login, { add_black: 1, phone: '79991234568' });
		const { json, requests } = await send(login, {
			phones: '+79991234567, +79991234568',
			message: 'Hi',
			options: { wrongNumbers: true },
		});
		expect(requests.at(-1)).toMatchObject({ err: '1' });
		expect(json[0].wrongNumbers).toEqual([
			expect.objectContaining({ phone: '79991234568', status: 23, error: 252 }),
		]);
	});

	it('File URL: SMSC downloads the file (at least 101 bytes) for a voice call', async () => {
		const server = http.createServer((_req, res) =>
			res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(Buffer.alloc(2048, 3)),
		);
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		try {
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/greeting.mp3`;
			const login = messageAccount(emu);
			const { error, requests } = await send(login, {
				channel: 'call',
				phones: '+79991234567',
				message: 'Hello',
				options: { fileUrl: url },
			});
			expect(error).toBe('');
			expect(requests[0]).toMatchObject({ fileurl: url });
			expect(emu.getMessages({ login })[0].files).toEqual([
				expect.objectContaining({ field: 'fileurl', size: 2048, contentType: 'audio/mpeg' }),
			]);
			const bad = await send(login, {
				phones: '+79991234567',
				message: 'Hi',
				options: { fileUrl: 'ftp://example.com/x' },
			});
			expect(bad.error).toMatch(
				/File URL "ftp:\/\/example.com\/x" is not an http or https address/,
			);
		} finally {
			await new Promise<void>((r) => server.close(() => r()));
		}
	});

	it('web-form codes: Visitor IP Address, Captcha Code and Confirm Number Every (Days) go as userip, imgcode, smsreq', async () => {
		const login = messageAccount(emu);
		const { error, requests } = await send(login, {
			phones: '+79991234567',
			message: 'Code 1234',
			options: { userIp: '203.0.113.5', captchaCode: 'x7k2', confirmEveryDays: 30 },
		});
		expect(error).toBe('');
		expect(requests[0]).toMatchObject({ userip: '203.0.113.5', imgcode: 'x7k2', smsreq: '30' });
		const alone = await send(login, {
			phones: '+79991234567',
			message: 'Code 5678',
			options: { captchaCode: 'x7k2' },
		});
		expect(alone.error).toMatch(/Captcha Code needs the visitor's address/);
	});
});
