/**
 * The SMSC Trigger's public URL against generated requests (docs/properties.md): any method,
 * content type, charset and body bytes (callbacks as SMSC encodes them, the same mislabelled,
 * invalid UTF-8, windows-1251, repeated and empty parameters, random bytes, large bodies), with the
 * right token, a wrong one, none, or several. Each request goes to the harness's webhook server
 * (n8n's body parser, WebhookContext and answer rules) twice.
 */
import fc from 'fast-check';
import http from 'node:http';
import type { IDataObject } from 'n8n-workflow';

import { encodeCallback } from '../emulator';
import { describeProperty } from '../support/properties';
import { findSecrets } from '../support/secrets';
import { TOKEN, startTriggerServer } from '../support/triggers';
import type { TriggerServer } from '../support/triggers';

const QUICK_RUNS = 60;
const ALL_EVENTS = ['deliveryStatus', 'incomingMessage', 'callVerification'];
const WRONG = 'wrong-token-0000000000';

type TokenMode = 'right' | 'wrong' | 'none' | 'empty' | 'wrongThenRight' | 'rightThenWrong';

interface Payload {
	/** a callback as SMSC sends it, in a combination n8n's body parser accepts */
	valid: boolean;
	/** the handler URL's own fmt/charset parameters */
	handlerQuery: string;
	/** fields in the query string (GET) */
	query: string;
	body: Buffer;
	contentType?: string;
}

interface Case {
	method: string;
	token: TokenMode;
	payload: Payload;
}

const digits = (min: number, max: number) =>
	fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

const someText = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.constantFrom('Привет & 100%', 'שלום', '😀 ok', 'a=b&c=d', '<b>x</b>', '"quoted"', ''),
);

/** Fields of a callback SMSC sends: a delivery status, an incoming message or a verification call. */
const callbackFields: fc.Arbitrary<Record<string, string>> = fc.oneof(
	fc.record({
		id: digits(1, 9),
		phone: digits(11, 11),
		status: fc.constantFrom('-1', '0', '1', '2', '3', '20', '22', '23', '24', '25'),
		err: fc.constantFrom('0', '1', '6', '249', '252'),
		time: fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }).map(String),
	}),
	fc.record({
		id: digits(1, 9),
		phone: digits(11, 11),
		mes: someText,
		to: digits(11, 11),
		sent: fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }).map(String),
	}),
);

const formEncode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** A callback SMSC could send: its own encodings of generated fields. */
const validPayload: fc.Arbitrary<Payload> = fc
	.tuple(
		callbackFields,
		fc.constantFrom(
			{ fmt: '', charset: 'windows-1251', format: 'form' as const },
			{ fmt: '', charset: 'utf-8', format: 'form' as const },
			{ fmt: '3', charset: 'utf-8', format: 'json' as const },
			{ fmt: '2', charset: 'utf-8', format: 'xml' as const },
			{ fmt: '', charset: 'utf-8', format: 'query' as const },
		),
	)
	.map(([fields, enc]) => {
		const handlerQuery = `${enc.fmt ? `&fmt=${enc.fmt}` : ''}${enc.charset === 'utf-8' ? '&charset=utf-8' : ''}`;
		if (enc.format === 'query')
			return { valid: true, handlerQuery, query: `&${formEncode(fields)}`, body: Buffer.alloc(0) };
		const { body, contentType } = encodeCallback(
			fields,
			enc.format,
			enc.charset as 'utf-8' | 'windows-1251',
		);
		return { valid: true, handlerQuery, query: '', body, contentType };
	});

const contentType = fc.oneof(
	fc.constantFrom(
		undefined,
		'',
		'application/x-www-form-urlencoded',
		'application/x-www-form-urlencoded; charset=windows-1251',
		'application/x-www-form-urlencoded; charset=koi8-r',
		'application/json',
		'application/json; charset=windows-1251',
		'application/json; charset=utf-16',
		'application/xml',
		'text/xml; charset=windows-1251',
		'text/plain',
		'multipart/form-data; boundary=xyz',
		'multipart/form-data',
		'application/octet-stream',
		'image/png',
		'application/x-www-form-urlencoded; charset',
		';;;',
	),
	fc.string({ maxLength: 30 }),
);

/** Anything else: random or broken bytes under any label, repeated and empty fields, big bodies. */
const hostilePayload: fc.Arbitrary<Payload> = fc
	.tuple(
		fc.oneof(
			fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
			fc
				.constantFrom(
					'id=1&id=2&phone=&status=1&status=',
					'id=&phone=&mes=',
					'&&&=&==',
					'%ZZ%%%80=%C3',
					'mes=%C3%28&id=1&phone=79990000000',
					'mes=%CF%F0%E8%E2%E5%F2&id=2&phone=79990000000&to=74950000101',
					'{"id":1,"phone":"79990000000","status":1',
					'[{"id":1},{"id":"2"},null,3]',
					'{"__proto__":{"x":1},"constructor":{"prototype":{"y":2}},"id":1}',
					'<?xml version="1.0"?><data><id>1</id><status>1</status></data>',
					'<data><id>1</id></oops>',
					'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
					`token=${TOKEN}&id=5&phone=79990000000&status=1`,
				)
				.map((text) => Buffer.from(text, 'latin1')),
			callbackFields.map((fields) => Buffer.from(`${formEncode(fields)}&${formEncode(fields)}`)),
			fc
				.tuple(
					fc.constantFrom('a', '%', '&', '\u00e9'),
					fc.integer({ min: 10_000, max: 1_500_000 }),
				)
				.map(([c, n]) => Buffer.from(`id=1&mes=${c.repeat(n)}`, 'utf8')),
		),
		contentType,
		fc.constantFrom('', '&fmt=3', '&fmt=2', '&charset=utf-8', '&charset=bogus', '&fmt=9&charset='),
		fc.constantFrom('', '&id=1&phone=79990000000&status=1', '&id=&id=2', '&%FF=%FE'),
	)
	.map(([body, type, handlerQuery, query]) => ({
		valid: false,
		handlerQuery,
		query,
		body,
		contentType: type,
	}));

const cases: fc.Arbitrary<Case> = fc.record({
	method: fc.oneof(
		{ arbitrary: fc.constantFrom('POST', 'GET'), weight: 8 },
		{ arbitrary: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'), weight: 1 },
	),
	token: fc.oneof(
		{ arbitrary: fc.constant<TokenMode>('right'), weight: 6 },
		{
			arbitrary: fc.constantFrom<TokenMode>(
				'wrong',
				'none',
				'empty',
				'wrongThenRight',
				'rightThenWrong',
			),
			weight: 3,
		},
	),
	payload: fc.oneof(
		{ arbitrary: validPayload, weight: 1 },
		{ arbitrary: hostilePayload, weight: 1 },
	),
});

const TOKEN_QUERY: Record<TokenMode, string> = {
	right: `token=${TOKEN}`,
	wrong: `token=${WRONG}`,
	none: '',
	empty: 'token=',
	wrongThenRight: `token=${WRONG}&token=${TOKEN}`,
	rightThenWrong: `token=${TOKEN}&token=${WRONG}`,
};

interface Answer {
	status: number;
	body: string;
}

function request(url: string, method: string, body: Buffer, type?: string): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const headers: http.OutgoingHttpHeaders = { 'content-length': body.length };
		if (type !== undefined) headers['content-type'] = type;
		const req = http.request(url, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

let server: TriggerServer;
beforeAll(async () => {
	server = await startTriggerServer({ events: ALL_EVENTS, token: TOKEN });
	await server.activate();
});
afterAll(async () => server.close());

/** Sends the request, waits for any run it started, and returns the answer and that run's items. */
async function deliver(c: Case, url: string): Promise<{ answer: Answer; items?: IDataObject[] }> {
	const runsBefore = server.harness.executions.length;
	const callsBefore = server.calls.length;
	const answer = await request(url, c.method, c.payload.body, c.payload.contentType);
	await server.idle();
	const started = server.calls.slice(callsBefore).some((call) => call.result?.workflowData);
	const runs = server.runs.slice(runsBefore);
	expect(runs.length).toBe(started ? 1 : 0);
	return { answer, items: started ? runs[0] : undefined };
}

/** Sends the case's request twice to the trigger's production URL and judges both answers. */
async function runCase(c: Case): Promise<void> {
	const query = [TOKEN_QUERY[c.token], c.payload.handlerQuery.slice(1), c.payload.query.slice(1)]
		.filter((part) => part !== '')
		.join('&');
	const url = `${server.url}${query ? `?${query}` : ''}`;
	const first = await deliver(c, url);
	const second = await deliver(c, url);

	for (const { answer } of [first, second]) {
		// never a 5xx: n8n would count it as the node failing, SMSC would retry
		expect(answer.status).toBeLessThan(500);
		expect(answer.body).not.toContain(TOKEN);
	}
	// decoding the same request twice gives the same answer and the same items
	expect(second).toEqual(first);

	const carriesToken = c.token !== 'wrong' && c.token !== 'none' && c.token !== 'empty';
	if (first.items !== undefined) {
		// an execution only for a request with the right token and a callback it could decode
		expect(carriesToken).toBe(true);
		expect(first.items.length).toBeGreaterThan(0);
		for (const item of first.items) expect(ALL_EVENTS).toContain(item.event);
		expect(findSecrets(first.items, [TOKEN])).toEqual([]);
	} else if (!carriesToken) {
		expect(first.answer.status).not.toBe(200);
	}
	// and a callback as SMSC sends it, with the right token, always starts one
	if (c.payload.valid && c.token === 'right' && ['GET', 'POST'].includes(c.method)) {
		if (c.method === 'POST' || c.payload.body.length === 0) {
			expect(first.answer).toEqual({ status: 200, body: 'OK' });
			expect(first.items).toHaveLength(1);
		}
	}
}

describeProperty(
	'SMSC Trigger with generated requests',
	'for any method, content type, charset and body, with or without the token, the answer is never a 5xx, an execution starts only for the right token and a decodable callback, no token appears in an output or an answer, and the same request decoded twice gives the same items',
	{
		cases,
		check: runCase,
		quick: QUICK_RUNS,
		perCaseMs: 500,
	},
);
