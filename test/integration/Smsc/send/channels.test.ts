/**
 * Send's channel rows (nodes/Smsc/send/channels.ts) as SMSC's send page describes them
 * ("Відправка SMS-повідомлення", 003, and "Отправка сообщения в Telegram", 004), through n8n's
 * engine against the emulator: each test would fail if the node read the page the old way (issue 14).
 */

import { useEmulator } from '../../../support/emulator';
import { messageAccount, runMessage } from '../../../support/accounts';
import { messages } from '../../../support/resources';

const emu = useEmulator();

const { send, refuses } = messages(emu);

describe('Message: Send channels', () => {
	it('Telegram: no #ID recipients; only a 4 to 8 digit code goes out, as __TGM__: <code>', async () => {
		const login = messageAccount(emu);
		await refuses(
			login,
			{ channel: 'tg', phones: '#123456789', message: 'Hello' },
			/"#123456789" is not a phone number in international format/,
		);
		await refuses(
			login,
			{ channel: 'tg', phones: '+79991234567', message: ' ' },
			/^The Code is empty\. Enter a numeric code of 4 to 8 digits, e\.g\. 4821\./,
		);
		await refuses(
			login,
			{ channel: 'tg', phones: '+79991234567', message: 'Your code is 4821' },
			/only a numeric code of 4 to 8 digits/,
		);
		const code = await send(login, { channel: 'tg', phones: '+79991234567', message: '4821' });
		expect(code.error).toBe('');
		expect(code.requests).toEqual([{ phones: '+79991234567', mes: '__TGM__: 4821' }]);
		expect(emu.getMessages({ login })[0]).toMatchObject({ channel: 'tgm', text: '4821' });
	});

	it('WAP push needs the link and the title', async () => {
		const login = messageAccount(emu);
		const link = { channel: 'push', phones: '+79991234567', pushUrl: 'http://wap.ru' };
		await refuses(
			login,
			link,
			/^The Link Title is empty\. SMSC needs both the link and its title\./,
		);
		const both = await send(login, { ...link, pushTitle: 'WAP.RU' });
		expect(both.error).toBe('');
		expect(both.requests).toEqual([
			{ phones: '+79991234567', mes: 'http://wap.ru\nWAP.RU', push: '1' },
		]);
	});

	it('Voice call: param is sent only as the user set it, all three values, never filled in', async () => {
		const login = messageAccount(emu);
		const call = { channel: 'call', phones: '+79991234567', message: 'Your code is 1 2 3 4' };
		await refuses(
			login,
			{ ...call, callOptions: { waitSeconds: 20 } },
			/Set Retry Interval \(Seconds\) and Attempts too/,
		);
		const all = await send(login, {
			...call,
			callOptions: { waitSeconds: 20, retryInterval: 60, attempts: 3 },
		});
		expect(all.error).toBe('');
		expect(all.requests[0]).toMatchObject({ call: '1', param: '20,60,3' });
		expect(emu.getMessages({ login })[0].callParams).toEqual({
			wait: 20,
			interval: 60,
			attempts: 3,
			defaults: false,
		});
		const none = await send(login, { ...call, phones: '+79991234568' });
		expect(none.requests[1]).not.toHaveProperty('param');
	});

	it('WhatsApp and social networks are channels (whatsapp=1, soc=1)', async () => {
		const login = messageAccount(emu);
		await send(login, { channel: 'whatsapp', phones: '+79991234567', message: 'Hi on WhatsApp' });
		await send(login, { channel: 'soc', phones: '+79991234568', message: 'Hi on VK' });
		expect(emu.getMessages({ login }).map((m) => [m.channel, m.text])).toEqual([
			['whatsapp', 'Hi on WhatsApp'],
			['soc', 'Hi on VK'],
		]);
	});

	it('Binary: bin=1 sends the bytes themselves, percent-encoded, one request per item; bin=2 the hex, batched', async () => {
		const login = messageAccount(emu);
		const items = [{ phone: '+79991234567' }, { phone: '+79991234568' }];
		const fields = {
			channel: 'bin',
			phones: '={{ $json.phone }}',
			binaryMessage: '00 80 FF 0A 3A',
		};
		const bytes = await runMessage(
			emu,
			login,
			{ operation: 'send', ...fields, binaryFormat: 'bytes' },
			{ items },
		);
		expect(bytes.result.error).toBeUndefined();
		expect(bytes.requests).toHaveLength(2);
		expect(bytes.requests.every((r) => r.bin === '1' && r.list === undefined)).toBe(true);
		expect(emu.getMessages({ login }).map((m) => [m.phone, m.text])).toEqual([
			['79991234567', '0080FF0A3A'],
			['79991234568', '0080FF0A3A'],
		]);
		const hex = await runMessage(
			emu,
			login,
			{ operation: 'send', ...fields, binaryMessage: '00 48 69' },
			{ items },
		);
		expect(hex.requests.slice(2)).toEqual([
			{ list: ['+79991234567:004869', '+79991234568:004869'].join('\n'), bin: '2', op: '1' },
		]);
	});
});
