/**
 * Message > Send with generated items (docs/properties.md): phone lists with any separators,
 * letters, plus signs, lengths, duplicates and thousands of numbers; texts with emoji,
 * right-to-left script, control characters, lone surrogates, nothing, or more than the channel
 * takes; sender names; schedules; channels. Run through n8n's engine against the emulator, which
 * refuses what SMSC's documents refuse and so judges every request the node makes.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { startEmulator } from '../../../../emulator';
import type { LogEntry, RunningEmulator } from '../../../../emulator';
import { validSender } from '../../../../emulator/scripts/send';
import { lastSeq, MESSAGE_SENDERS, messageAccount, PASSWORD } from '../../../../support/accounts';
import { describeProperty } from '../../../../support/properties';
import { runNode, smscCredentials } from '../../../../support/smsc';

const QUICK_RUNS = 30;

/** SMSC error codes a request earns only by breaking the documents: 1 bad parameters, 5 bad date. */
const DOCUMENT_ERRORS = new Set([1, 5]);

const digits = (min: number, max: number) =>
	fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** One phone number as people type it: plus signs, brackets, dashes, spaces, letters. */
const phone: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: digits(11, 11).map((d) => `7${d.slice(1)}`), weight: 12 },
	{
		arbitrary: digits(11, 11).map((d) => `+7 (${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7)}`),
		weight: 2,
	},
	{ arbitrary: digits(0, 20), weight: 2 },
	{
		arbitrary: fc
			.tuple(fc.constantFrom('+', '++', '+ ', '00', ''), digits(1, 16))
			.map(([a, b]) => a + b),
		weight: 2,
	},
	{ arbitrary: fc.string({ maxLength: 14 }), weight: 1 },
	{
		arbitrary: fc.constantFrom('+', '', ' ', 'abc', '7999123456x', '+7999+1234567', '79991234567'),
		weight: 1,
	},
);

const separator = fc.constantFrom(',', ';', ', ', ' ', '\n', '\r\n', ',,', '\t', ' ; ');

/** A Phone Numbers field: a few numbers (duplicates likely), or now and then thousands. */
const phones: fc.Arbitrary<string> = fc.oneof(
	{
		arbitrary: fc
			.tuple(fc.array(phone, { minLength: 1, maxLength: 6 }), separator, fc.boolean())
			.map(([list, sep, repeat]) => (repeat && list.length ? [...list, list[0]] : list).join(sep)),
		weight: 20,
	},
	{
		arbitrary: fc
			.tuple(
				fc.integer({ min: 1000, max: 3000 }),
				fc.integer({ min: 0, max: 9_999_999 }),
				separator,
			)
			.map(([count, start, sep]) =>
				Array.from(
					{ length: count },
					(_, i) => `7999${String((start + (i % 1500)) % 10_000_000).padStart(7, '0')}`,
				).join(sep),
			),
		weight: 1,
	},
);

const text: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), weight: 6 },
	{ arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
	{
		arbitrary: fc.constantFrom(
			'',
			' ',
			'Hi 👋🏽 family 👨‍👩‍👧',
			'שלום עולם',
			'مرحبا بالعالم',
			'line\u0000break\u0007\u001b',
			'\uD800 lone high',
			'lone low \uDC00',
			'~~~',
			'Привет, мир',
		),
		weight: 2,
	},
	{
		arbitrary: fc
			.tuple(fc.constantFrom('x', 'ж', '😀'), fc.integer({ min: 600, max: 9000 }))
			.map(([c, n]) => c.repeat(n)),
		weight: 1,
	},
);

const sender: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.constantFrom('', ...MESSAGE_SENDERS.filter((s) => !s.includes('@'))), weight: 4 },
	{ arbitrary: fc.string({ maxLength: 16 }), weight: 2 },
	{
		arbitrary: fc.constantFrom(
			'Unregistered',
			'A'.repeat(12),
			'1234567890123456',
			'Мой магазин',
			' MyShop ',
		),
		weight: 1,
	},
);

const sendAt: fc.Arbitrary<string> = fc.oneof(
	{ arbitrary: fc.constant(''), weight: 4 },
	{
		arbitrary: fc
			.integer({ min: -3 * 86_400_000, max: 30 * 86_400_000 })
			.map((ms) => new Date(Date.now() + ms).toISOString()),
		weight: 2,
	},
	{
		arbitrary: fc.constantFrom(
			'tomorrow',
			'31.02.2030 25:61',
			'0',
			'2030-13-01T00:00:00Z',
			'not a date',
		),
		weight: 1,
	},
);

interface Item {
	phones: string;
	message: string;
	sender: string;
	sendAt: string;
}

interface Case {
	channel: string;
	items: Item[];
	continueOnFail: boolean;
	batching: boolean;
}

const cases: fc.Arbitrary<Case> = fc.record({
	channel: fc.constantFrom('sms', 'sms', 'flash', 'viber', 'whatsapp', 'tg', 'call', 'bot'),
	items: fc.array(fc.record({ phones, message: text, sender, sendAt }), {
		minLength: 1,
		maxLength: 6,
	}),
	continueOnFail: fc.boolean(),
	batching: fc.boolean(),
});

let emu: RunningEmulator;
beforeAll(async () => (emu = await startEmulator({ demoAccount: false })));
afterAll(async () => emu.close());

function parameters(c: Case): IDataObject {
	return {
		resource: 'message',
		operation: 'send',
		channel: c.channel,
		recipientType: 'phones',
		phones: '={{ $json.phones }}',
		message: '={{ $json.message }}',
		...(c.channel === 'bot' ? { botName: 'ShopBot' } : {}),
		options: {
			sender: { __rl: true, mode: 'name', value: '={{ $json.sender }}' },
			sendAt: '={{ $json.sendAt }}',
		},
		bulkOptions: { batching: c.batching },
	};
}

/** A send.php request the documents do not allow, as the emulator judged it. */
function refusedByDocuments(entry: LogEntry): boolean {
	if (entry.errorCode === null) return false;
	if (DOCUMENT_ERRORS.has(entry.errorCode)) return true;
	// 6 also refuses a name the account has not registered, which no check before sending can know
	const sender = entry.params.sender;
	return entry.errorCode === 6 && sender !== undefined && !validSender(sender);
}

async function runCase(c: Case): Promise<void> {
	const login = messageAccount(emu, { balance: 10_000_000 });
	const since = lastSeq(emu);
	const { result } = await runNode(emu.url, parameters(c), {
		items: c.items as unknown as IDataObject[],
		continueOnFail: c.continueOnFail,
		credentials: smscCredentials(emu.url, { login, password: PASSWORD }),
	});
	const sent = emu.getLog({ since, login }).filter((entry) => entry.script === 'send');
	// the emulator is the judge: no request breaks SMSC's documents
	expect(sent.filter(refusedByDocuments).map((e) => [e.errorCode, e.params])).toEqual([]);

	if (result.error) {
		// a run that stops names the item, and a bad item stops it before anything was sent
		expect(result.error.message).toMatch(/\[item \d+\]|items? \d+/);
		if (result.error.errorName === 'NodeOperationError') {
			expect(c.continueOnFail).toBe(false);
			expect(sent).toEqual([]);
		}
		return;
	}
	const output = result.output('SMSC');
	// no item dropped or doubled, each paired with its own input
	expect(output.map((item) => item.pairedItem)).toEqual(c.items.map((_, i) => ({ item: i })));
	output.forEach((item, i) => {
		if (item.json.error === undefined) return;
		expect(item.json.itemIndex).toBe(i);
		expect(String(item.json.error)).toMatch(new RegExp(`\\[item ${i}\\]`));
	});
}

describeProperty(
	'Message > Send with generated items',
	'for any phones, text, sender name, schedule and channel, an item either fails with an error naming it before any request is sent, or every request it causes is one SMSC documents allow; no item is dropped or doubled and each output item is paired with its own input',
	{
		cases,
		check: runCase,
		quick: QUICK_RUNS,
		perCaseMs: 1_000,
	},
);
