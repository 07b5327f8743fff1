import { MalformedCallbackError, parseFlatXml } from '../../../nodes/SmscTrigger/bodies';
import {
	decodeCallback,
	handlerParams,
	parseUrlEncoded,
	percentDecode,
	tokenMatches,
} from '../../../nodes/SmscTrigger/callback';

/** An encoder independent of the one under test: windows-1251 has no encoder in Node, so build its table. */
function cp1251(text: string): Buffer {
	const table = new Map<string, number>();
	const decoder = new TextDecoder('windows-1251');
	for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
	return Buffer.from(
		[...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : (table.get(ch) ?? 0x3f))),
	);
}

function urlencode(bytes: Buffer): string {
	return [...bytes]
		.map((b) =>
			/[A-Za-z0-9._-]/.test(String.fromCharCode(b))
				? String.fromCharCode(b)
				: b === 0x20
					? '+'
					: `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
		)
		.join('');
}

function form(fields: Record<string, string>, encode: (text: string) => Buffer): Buffer {
	return Buffer.from(
		Object.entries(fields)
			.map(([name, value]) => `${urlencode(encode(name))}=${urlencode(encode(value))}`)
			.join('&'),
		'latin1',
	);
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
/** What decodeCallback makes of a POST to `url` with this body. */
const posted = (url: string, contentType: string, body: Buffer) =>
	decodeCallback({ method: 'POST', url, contentType, body });
const FIELDS = {
	id: '17',
	phone: '79991234567',
	mes: 'Привет, мир! 100% & more',
	to: '79000000001',
	sent: '1735689600',
};

describe('decodeCallback: form fields', () => {
	it('reads windows-1251 by default, as SMSC sends when the handler URL says nothing', () => {
		const decoded = posted(
			'/webhook/x/smsc?token=t',
			'application/x-www-form-urlencoded',
			form(FIELDS, cp1251),
		);
		expect(decoded).toEqual({ format: 'form', charset: 'windows-1251', callbacks: [FIELDS] });
	});

	it('reads UTF-8 when the handler URL has charset=utf-8', () => {
		const decoded = posted(
			'/webhook/x/smsc?token=t&charset=utf-8',
			'application/x-www-form-urlencoded',
			form(FIELDS, utf8),
		);
		expect(decoded.charset).toBe('utf-8');
		expect(decoded.callbacks).toEqual([FIELDS]);
	});

	it('prefers the charset the Content-Type declares over the URL', () => {
		const decoded = posted(
			'/smsc?charset=utf-8',
			'application/x-www-form-urlencoded; charset=windows-1251',
			form(FIELDS, cp1251),
		);
		expect(decoded.callbacks).toEqual([FIELDS]);
	});

	it('lets a forced charset override everything', () => {
		const decoded = decodeCallback(
			{
				method: 'POST',
				url: '/smsc',
				contentType: 'application/x-www-form-urlencoded',
				body: form(FIELDS, utf8),
			},
			'utf-8',
		);
		expect(decoded.callbacks).toEqual([FIELDS]);
	});

	it('reads GET fields from the raw query string and drops the handler URL parameters', () => {
		const query = form(FIELDS, cp1251).toString('latin1');
		const decoded = decodeCallback({
			method: 'GET',
			url: `/webhook/x/smsc?token=secret&fmt=1&${query}`,
		});
		expect(decoded.callbacks).toEqual([FIELDS]);
	});

	it('reads GET fields in UTF-8 when the URL says so, whatever their order', () => {
		const query = form(FIELDS, utf8).toString('latin1');
		const decoded = decodeCallback({
			method: 'GET',
			url: `/smsc?${query}&charset=utf-8&token=secret`,
		});
		expect(decoded).toEqual({ format: 'form', charset: 'utf-8', callbacks: [FIELDS] });
	});

	it('keeps every value of a repeated field, and fields with empty values', () => {
		const fields = parseUrlEncoded(Buffer.from('a=1&a=2&b=&c'), 'utf-8');
		expect(fields).toEqual({ a: ['1', '2'], b: '', c: '' });
	});

	it('gives no callback for an empty request', () => {
		expect(decodeCallback({ method: 'GET', url: '/smsc?token=t' }).callbacks).toEqual([]);
		expect(
			decodeCallback({ method: 'POST', url: '/smsc?token=t', body: Buffer.from('  \r\n') })
				.callbacks,
		).toEqual([]);
	});

	it('refuses a body whose field names are not names', () => {
		expect(() =>
			posted(
				'/smsc',
				'application/x-www-form-urlencoded',
				Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x3d, 0x42]),
			),
		).toThrow(MalformedCallbackError);
		expect(() =>
			decodeCallback({
				method: 'POST',
				url: '/smsc',
				body: Buffer.from('hello world, this is not a form'),
			}),
		).toThrow(MalformedCallbackError);
	});

	it('percent-decodes into bytes and leaves broken escapes as they are', () => {
		expect([...percentDecode(Buffer.from('%CF%F0+%zz%4'))]).toEqual([
			0xcf, 0xf0, 0x20, 0x25, 0x7a, 0x7a, 0x25, 0x34,
		]);
	});
});

describe('decodeCallback: JSON (fmt=3)', () => {
	it('reads a UTF-8 JSON object', () => {
		const decoded = posted(
			'/smsc?fmt=3&charset=utf-8',
			'application/json; charset=utf-8',
			utf8(JSON.stringify({ ...FIELDS, cost: 1.5 })),
		);
		expect(decoded).toEqual({
			format: 'json',
			charset: 'utf-8',
			callbacks: [{ ...FIELDS, cost: 1.5 }],
		});
	});

	it('reads a windows-1251 JSON body, the default when the handler URL has fmt=3 only', () => {
		const decoded = posted('/smsc?fmt=3', 'application/json', cp1251(JSON.stringify(FIELDS)));
		expect(decoded.callbacks).toEqual([FIELDS]);
	});

	it('recognises JSON by fmt=3 or by its first character when no Content-Type says so', () => {
		expect(
			decodeCallback({ method: 'POST', url: '/smsc?fmt=3', body: utf8('{"id":"1"}') }).format,
		).toBe('json');
		expect(decodeCallback({ method: 'POST', url: '/smsc', body: utf8(' {"id":"1"}') }).format).toBe(
			'json',
		);
	});

	it('accepts an array of callbacks and strips a byte order mark', () => {
		const decoded = posted(
			'/smsc',
			'application/json; charset=utf-8',
			utf8('\uFEFF[{"id":"1"},{"id":"2"}]'),
		);
		expect(decoded.callbacks).toEqual([{ id: '1' }, { id: '2' }]);
	});

	it.each(['{"id": 1', '"just a string"', '[1, 2]', 'null', '{"a":1} trailing'])(
		'refuses %s',
		(body) => {
			expect(() => posted('/smsc', 'application/json', utf8(body))).toThrow(MalformedCallbackError);
		},
	);
});

describe('decodeCallback: XML (fmt=2)', () => {
	const xml = (charset: string) =>
		`<?xml version="1.0" encoding="${charset}"?>\n<data>\n<id>17</id>\n<phone>79991234567</phone>\n<mes>Привет, мир! 100% &amp; more</mes>\n<to>79000000001</to>\n<sent>1735689600</sent>\n</data>\n`;

	it('reads windows-1251 XML, taking the charset from its declaration', () => {
		const decoded = posted('/smsc?fmt=2', 'application/xml', cp1251(xml('windows-1251')));
		expect(decoded).toEqual({ format: 'xml', charset: 'windows-1251', callbacks: [FIELDS] });
	});

	it('reads UTF-8 XML', () => {
		const decoded = posted(
			'/smsc?fmt=2&charset=utf-8',
			'text/xml; charset=utf-8',
			utf8(xml('utf-8')),
		);
		expect(decoded.callbacks).toEqual([FIELDS]);
	});

	it('reads CDATA, numeric entities, empty and nested elements', () => {
		expect(
			parseFlatXml(
				'<r><a><![CDATA[<b>&]]></a><b/><c>&#1055;&#x0440;</c><d><e>1</e><e>2</e></d></r>',
			),
		).toEqual({
			a: '<b>&',
			b: '',
			c: 'Пр',
			d: { e: ['1', '2'] },
		});
	});

	it.each([
		['an unclosed element', '<data><id>1</id>'],
		['mismatched tags', '<data><id>1</phone></data>'],
		['two roots', '<a>1</a><b>2</b>'],
		['text outside the root', 'oops<data><id>1</id></data>'],
		['a stray <', '<data><id>1 < 2</id></data>'],
	])('refuses %s', (_what, body) => {
		expect(() => posted('/smsc', 'application/xml', utf8(body))).toThrow(MalformedCallbackError);
	});
});

describe('handlerParams', () => {
	it('reads token, charset and fmt, percent-decoded', () => {
		expect(handlerParams('/w/smsc?token=a%2Db&charset=utf-8&fmt=3&mes=x')).toEqual({
			token: 'a-b',
			charset: 'utf-8',
			fmt: '3',
		});
		expect(handlerParams('/w/smsc')).toEqual({});
	});
});

describe('tokenMatches', () => {
	it('matches only the exact token', () => {
		expect(tokenMatches('k3Jd9sPq2LmX7vRt', 'k3Jd9sPq2LmX7vRt')).toBe(true);
		expect(tokenMatches('k3Jd9sPq2LmX7vRt', 'k3Jd9sPq2LmX7vRT')).toBe(false);
		expect(tokenMatches('k3Jd9sPq2LmX7vRt', 'k3Jd9sPq2LmX7vR')).toBe(false);
		expect(tokenMatches('k3Jd9sPq2LmX7vRt', 'k3Jd9sPq2LmX7vRtX')).toBe(false);
	});

	it('never matches a missing or non-string token, nor an unset expected token', () => {
		expect(tokenMatches('k3Jd9sPq2LmX7vRt', undefined)).toBe(false);
		expect(tokenMatches('k3Jd9sPq2LmX7vRt', '')).toBe(false);
		expect(tokenMatches('k3Jd9sPq2LmX7vRt', ['k3Jd9sPq2LmX7vRt'])).toBe(false);
		expect(tokenMatches('', '')).toBe(false);
	});
});
