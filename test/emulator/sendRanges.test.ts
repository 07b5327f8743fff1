/**
 * The ranges SMSC's page "Відправка SMS-повідомлення" states for send.php parameters: the emulator
 * refuses a value outside them by itself (error 1; the page gives no code, so the code is a guess).
 */
import { call, useEmulator } from './helpers';

const emu = useEmulator({}, { perFile: true });

let n = 0;
/** Every request differs (its own phone), so SMSC's duplicate rule never gets in the way. */
const send = async (params: Record<string, string | number>) =>
	(
		await call(emu, 'send', {
			fmt: 3,
			phones: `7999000${String(++n).padStart(4, '0')}`,
			mes: 'hello',
			...params,
		})
	).json;

describe('documented ranges', () => {
	test.each([
		['period', { period: '0.1', freq: 1 }],
		['period', { period: 720, freq: 1440 }],
		['maxsms', { maxsms: 1 }],
		['translit', { translit: 2 }],
		['voice', { call: 1, voice: 'm4' }],
		['voice', { call: 1, voice: 'm, en' }],
		['voice', { call: 1, voice: 'w,fr' }],
		['bot', { bot: '@shop_news_bot' }],
		['flash', { flash: 0 }],
		['nl', { nl: 1 }],
	])('accepts %s %j', async (_name, params) => {
		expect(await send(params)).toMatchObject({ id: expect.anything() });
	});

	test.each([
		['period below 0.1 hours', { period: '0.05', freq: 10 }],
		['period above 720 hours', { period: 721, freq: 10 }],
		['period not a number', { period: 'soon', freq: 10 }],
		['freq below 1 minute', { period: 1, freq: 0 }],
		['freq above 1440 minutes', { period: 1, freq: 1441 }],
		['maxsms 0', { maxsms: 0 }],
		['maxsms not whole', { maxsms: '1.5' }],
		['translit 3', { translit: 3 }],
		['flash 2', { flash: 2 }],
		['bin 3', { bin: 3 }],
		['a voice the page does not list', { call: 1, voice: 'x' }],
		['a voice language not of two letters', { call: 1, voice: 'm, english' }],
		['a bot without @', { bot: 'shop_news_bot' }],
	])('refuses %s with error 1 and sends nothing', async (_what, params) => {
		const before = emu.getMessages({ login: 'demo' }).length;
		expect(await send(params)).toMatchObject({ error_code: 1 });
		expect(emu.getMessages({ login: 'demo' })).toHaveLength(before);
	});
});

describe('sender: "English letters, digits, space and some symbols"', () => {
	test('a Cyrillic sender name is refused (error 6, like any name SMSC does not allow)', async () => {
		// registered as active, so only the characters can make SMSC refuse it
		emu.updateAccount({ login: 'demo', senders: ['Магазин'] });
		expect(emu.mustAccount('demo').canSendAs('Магазин')).toBe(true);
		expect(await send({ sender: 'Магазин' })).toMatchObject({ error_code: 6 });
	});
});
