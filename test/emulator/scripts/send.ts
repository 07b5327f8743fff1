/**
 * send.php and POST /rest/send/ (Відправка SMS-повідомлення): recipients (phones, G<group>,
 * e-mail), `list`, channels, part counting, prices, balance, `time`/`tz`, `valid`, voice `param`,
 * attachments and `fileurl`, `userip`/`imgcode`, `smsreq`, `cost` 0-3, `op`, `err`, and the
 * delivery simulation.
 */
import { createHash } from 'node:crypto';
import { xmlEscape } from '../codec';
import { apiError, type Reply } from '../reply';
import {
	countParts,
	normalizePhone,
	numberInfo,
	splitComment,
	transliterate,
	truncateToParts,
} from '../sms';
import {
	MESSAGE_TYPES,
	money,
	round4,
	type Account,
	type CallParams,
	type MessageRecord,
	type Prices,
	type SentFile,
} from '../state';
import { parseSendTime, TimeFormatError } from '../time';
import { flag, int, type Ctx } from './context';
import { withinDocumentedRanges } from './sendRanges';

const FLOOD_LIMIT = 50;
const FLOOD_GAP_MS = 60_000;

interface Item {
	phones: string;
	mes: string;
	sender?: string;
	tz?: number;
}

interface PhoneResult {
	phone: string;
	mccmnc: string;
	cost: string;
	status: string;
	error: string;
}

const NOT_OPTIONS = new Set([
	'login',
	'psw',
	'apikey',
	'phones',
	'mes',
	'list',
	'fmt',
	'charset',
	'cost',
	'op',
	'err',
	'id',
]);
const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

/**
 * Channel prefixes at the start of `mes` (SMPP page, "Отправка сообщения в Telegram"; SMSC accepts
 * them over HTTP too): `__TGM__: <code>`, where "only numeric codes of 4 to 8 digits are accepted".
 */
const PREFIXES: Array<[RegExp, string]> = [[/^__TGM__: ?/, 'tgm']];
const TELEGRAM_CODE = /^\d{4,8}$/;

/** `mes` is at most 1000 characters (Відправка SMS-повідомлення), comment included: it is part of `mes`. */
export const MAX_MES = 1000;

/** `fileurl`: "the minimum file size is 101 bytes". */
export const MIN_FILEURL_BYTES = 101;

/**
 * `mms`: "text (txt), images (jpg, gif, png), music (wav, amr, mp3, mid) and video (mp4, 3gp)",
 * told by the file name's extension (`jpeg` taken as `jpg`: a guess). No size or count is stated.
 */
const MMS_TYPES_BY_KIND = {
	text: ['txt'],
	images: ['jpg', 'jpeg', 'gif', 'png'],
	music: ['wav', 'amr', 'mp3', 'mid'],
	video: ['mp4', '3gp'],
};
const MMS_TYPES = new Set(Object.values(MMS_TYPES_BY_KIND).flat());

/** Channels that take files in the request body: MMS, e-mail and voice calls. */
const FILE_CHANNELS = new Set(['mms', 'mail', 'call']);

/**
 * Which channel a request uses, from its prefix or its flags (first match wins). There is no
 * `tgm=1` flag: the HTTP page documents none, so `tgm` is only the `__TGM__:` prefix.
 */
export function channelOf(p: Record<string, string>): string {
	for (const [prefix, channel] of PREFIXES) if (prefix.test(p.mes ?? '')) return channel;
	if (flag(p.hlr)) return 'hlr';
	if (flag(p.ping)) return 'ping';
	if (flag(p.call)) return 'call';
	if (flag(p.mail)) return 'mail';
	if (flag(p.viber)) return 'viber';
	if (flag(p.whatsapp)) return 'whatsapp';
	if (p.bot) return 'bot';
	if (flag(p.soc)) return 'soc';
	if (flag(p.mms)) return 'mms';
	if (flag(p.push)) return 'push';
	if (flag(p.bin)) return 'bin';
	if (flag(p.flash)) return 'flash';
	return 'sms';
}

function looksLikeRecipients(s: string): boolean {
	const tokens = s
		.split(/[,;]/)
		.map((t) => t.trim())
		.filter(Boolean);
	return (
		tokens.length > 0 &&
		tokens.every((t) => /^G\d+$/i.test(t) || EMAIL.test(t) || normalizePhone(t) !== null)
	);
}

/**
 * `list`: lines "phones:mes" or "sender,tz|phones:mes" — phones and message "separated by a colon
 * or a semicolon" — with `\n` escapes, or real newlines with nl=1. Phones in a line are separated
 * by commas, so the first `:` or `;` ends them.
 */
export function parseList(list: string, nl: boolean): Item[] | null {
	const items: Item[] = [];
	for (const line of list.split(/\r?\n/)) {
		const m = /^(?:([^|:;]*)\|)?([^:;]*)[:;]([\s\S]*)$/.exec(line);
		const header = m !== null && looksLikeRecipients(m[2]);
		if (!header) {
			if (nl && items.length > 0) {
				items[items.length - 1].mes += '\n' + line;
				continue;
			}
			if (line.trim() === '') continue;
			return null;
		}
		const item: Item = { phones: m![2], mes: nl ? m![3] : m![3].replace(/\\n/g, '\n') };
		if (m![1] !== undefined) {
			const [sender, tz] = m![1].split(',');
			if (sender?.trim()) item.sender = sender.trim();
			if (tz !== undefined && tz.trim() !== '') item.tz = Number(tz);
		}
		items.push(item);
	}
	return items.length > 0 ? items : null;
}

function partsFor(channel: string, text: string, p: Record<string, string>): number {
	switch (channel) {
		case 'sms':
		case 'flash':
		case 'push':
			return countParts(text).parts;
		case 'bin': {
			// bin=2 hex; bin=1 bytes, turned into hex on arrival (a `list` line stays text: a guess)
			const bytes =
				p.bin === '1' && p.list
					? Buffer.byteLength(text, 'latin1')
					: Math.ceil(text.replace(/\s/g, '').length / 2);
			return bytes <= 140 ? 1 : Math.ceil(bytes / 134);
		}
		case 'call':
			// cnt is seconds for a call: ~12 characters of speech a second, at least 10 s
			return Math.max(10, Math.ceil(text.length / 12));
		default:
			return 1;
	}
}

/** SMS, flash, push and binary messages cost per part; any other channel per message, at its price. */
const PER_PART = new Set(['sms', 'flash', 'push', 'bin']);

function priceFor(acc: Account, channel: string, parts: number): number {
	if (acc.testMode) return 0;
	const prices = acc.prices;
	if (PER_PART.has(channel) || !Object.hasOwn(prices, channel)) return prices.sms * parts;
	return prices[channel as keyof Prices];
}

function validClientId(id: string): boolean {
	if (/^\d+$/.test(id)) {
		const n = Number(id);
		return n >= 1 && n <= 2147483647;
	}
	return /^[A-Za-z0-9.\-_]{1,40}$/.test(id);
}

/**
 * `sender`: "English letters, digits, space and some symbols. Length - 11 characters or 15 digits".
 * Which symbols is not listed; any printable ASCII symbol is a guess.
 */
export function validSender(s: string): boolean {
	if (/^\+?\d{1,15}$/.test(s)) return true;
	if (EMAIL.test(s)) return true;
	return s.length <= 11 && /^[\x20-\x7E]+$/.test(s);
}

/** `valid`: "from 1 to 24 hours", or hh:mm "from 00:01 to 24:00". */
export function validValid(v: string): boolean {
	if (/^\d{1,2}$/.test(v)) return Number(v) >= 1 && Number(v) <= 24;
	const m = /^(\d{1,2}):(\d{2})$/.exec(v);
	if (!m) return false;
	const minutes = Number(m[1]) * 60 + Number(m[2]);
	return Number(m[2]) < 60 && minutes >= 1 && minutes <= 24 * 60;
}

/**
 * Voice `param` "w,i,n": w is brought into 10..35 (0..99 accepted), i below 10 becomes 10 (working
 * range 10..3600), n 0 becomes 1 (1..9). "When any value is other than possible, the defaults of
 * every parameter are used (n = 8, w = 25, i rising from 3 to 14 s)". A list without all three
 * values counts as wrong (a guess: the page shows only the full form).
 */
export function callParams(raw: string | undefined): CallParams {
	const defaults: CallParams = { wait: 25, interval: null, attempts: 8, defaults: true };
	if (raw === undefined || raw === '') return defaults;
	const parts = raw.split(',').map((x) => x.trim());
	if (parts.length !== 3 || parts.some((x) => !/^\d+$/.test(x))) return defaults;
	const [w, i, n] = parts.map(Number);
	if (w > 99 || i > 3600 || n > 9) return defaults;
	return {
		wait: Math.min(35, Math.max(10, w)),
		interval: Math.max(10, i),
		attempts: Math.max(1, n),
		defaults: false,
	};
}

/** `tz` is hours from Moscow, "positive or negative"; -15..+11 covers UTC-12..UTC+14 (the range is a guess). */
export function validTz(v: number): boolean {
	return Number.isFinite(v) && v >= -15 && v <= 11;
}

function sentFile(
	field: string,
	filename: string,
	contentType: string,
	bytes: Buffer,
	url?: string,
): SentFile {
	const f: SentFile = {
		field,
		filename,
		contentType,
		size: bytes.length,
		sha256: createHash('sha256').update(bytes).digest('hex'),
	};
	if (url !== undefined) f.url = url;
	return f;
}

/** `fileurl`: SMSC downloads the file; a bad address, a failed download or under 101 bytes → error 1 (the code is a guess). */
async function download(url: string): Promise<SentFile> {
	if (!/^https?:\/\/[^\s/]+/i.test(url)) throw apiError('send', 1);
	let res: Response;
	try {
		res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
	} catch {
		throw apiError('send', 1);
	}
	if (!res.ok) throw apiError('send', 1);
	const bytes = Buffer.from(await res.arrayBuffer());
	if (bytes.length < MIN_FILEURL_BYTES) throw apiError('send', 1);
	const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'file');
	return sentFile(
		'fileurl',
		name,
		(res.headers.get('content-type') ?? 'application/octet-stream').split(';')[0],
		bytes,
		url,
	);
}

function validIp(ip: string): boolean {
	const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
	if (v4) return v4.slice(1).every((x) => Number(x) <= 255);
	return /^[0-9a-f:]+$/i.test(ip) && ip.includes(':');
}

function moscowDay(now: number): number {
	return Math.floor((now + 3 * 3600_000) / 86_400_000);
}

export async function send(ctx: Ctx): Promise<Reply> {
	const { emu, acc, now } = ctx;
	// a copy: the prefix is stripped from the text below, and the request log must keep what was sent
	const p = { ...ctx.p };
	const script = 'send';
	const costMode = int(p.cost, 0);
	if (![0, 1, 2, 3].includes(costMode)) throw apiError(script, 1);
	const op = flag(p.op);
	const errList = flag(p.err);
	const channel = channelOf(p);
	for (const [prefix] of PREFIXES) if (p.mes) p.mes = p.mes.replace(prefix, '');
	// bin=1: "urlencoded" bytes, not text in `charset`; kept as hex from here on, like bin=2 (003)
	if (channel === 'bin' && p.bin === '1' && ctx.raw.mes !== undefined)
		p.mes = ctx.raw.mes.toString('hex').toUpperCase();
	const hasFile = !!p.fileurl || (FILE_CHANNELS.has(channel) && ctx.files.length > 0);
	// MMS needs "a subject or a text"; a voice call may be a file alone
	const needsText =
		!['hlr', 'ping'].includes(channel) &&
		!(channel === 'call' && hasFile) &&
		!(channel === 'mms' && (p.subj || hasFile));

	let items: Item[];
	if (p.list !== undefined && p.list !== '') {
		const parsed = parseList(p.list, flag(p.nl));
		if (!parsed) throw apiError(script, 1);
		items = parsed;
	} else {
		if (!p.phones || (needsText && !p.mes)) throw apiError(script, 1);
		items = [{ phones: p.phones, mes: p.mes ?? '' }];
	}
	// e-mail: "the subject, the text and the sender address are required"
	if (
		channel === 'mail' &&
		(!p.subj ||
			!p.sender ||
			!EMAIL.test(p.sender) ||
			items.some((x) => splitComment(x.mes).text.trim() === ''))
	)
		throw apiError(script, 1);
	if (channel === 'mms' && !p.subj && items.every((x) => x.mes === '') && !hasFile)
		throw apiError(script, 1);
	// a file of another type in an MMS (the error code is a guess)
	if (
		channel === 'mms' &&
		ctx.files.some(
			(f) => !MMS_TYPES.has(/\.([a-z0-9]+)$/i.exec(f.filename)?.[1]?.toLowerCase() ?? ''),
		)
	)
		throw apiError(script, 1);
	// WAP push: "the link and the title separated by a line break" (the error code is a guess)
	if (channel === 'push' && items.some((x) => !/^\S+\n[^\n]*\S/.test(splitComment(x.mes).text)))
		throw apiError(script, 1);
	if (channel === 'tgm' && items.some((x) => !TELEGRAM_CODE.test(splitComment(x.mes).text)))
		throw apiError(script, 1);
	if (
		channel === 'bin' &&
		p.bin === '2' &&
		items.some((x) => !/^([0-9a-f]{2})+$/i.test(x.mes.replace(/\s/g, '')))
	)
		throw apiError(script, 1);
	if (items.some((x) => Array.from(x.mes).length > MAX_MES)) throw apiError(script, 1);
	if (p.valid !== undefined && p.valid !== '' && !validValid(p.valid)) throw apiError(script, 1);
	if (
		p.smsreq !== undefined &&
		p.smsreq !== '' &&
		!(/^\d+$/.test(p.smsreq) && Number(p.smsreq) >= 10 && Number(p.smsreq) <= 999)
	)
		throw apiError(script, 1);
	if (!withinDocumentedRanges(p)) throw apiError(script, 1);
	// imgcode "must be used together with userip"
	if (p.imgcode && !p.userip) throw apiError(script, 1);
	if (p.userip && !validIp(p.userip)) throw apiError(script, 1);
	if (p.id !== undefined && p.id !== '' && !validClientId(p.id)) throw apiError(script, 1);

	// no tz: "the time zone is taken from the client's settings"
	const baseTz = p.tz !== undefined && p.tz !== '' ? Number(p.tz) : acc.tz;
	if (!validTz(baseTz)) throw apiError(script, 1);
	let baseSendAt: number;
	try {
		baseSendAt = parseSendTime(p.time ?? '', baseTz, now);
	} catch (e) {
		if (e instanceof TimeFormatError) throw apiError(script, 5);
		throw e;
	}

	const clientId = p.id !== undefined && p.id !== '';
	const id: string | number = clientId
		? /^\d+$/.test(p.id)
			? Number(p.id)
			: p.id
		: acc.nextMessageId++;

	const maxsms = int(p.maxsms, 0);
	const translit = int(p.translit, 0);
	const defaultSender = p.sender ?? '';
	// "all names are registered in the account": an unknown or unapproved name is refused with 6
	if (defaultSender && (!validSender(defaultSender) || !acc.canSendAs(defaultSender)))
		throw apiError(script, 6, id);
	for (const x of items)
		if (x.sender && (!validSender(x.sender) || !acc.canSendAs(x.sender)))
			throw apiError(script, 6, id);

	// expand recipients
	interface Planned {
		item: Item;
		text: string;
		comment: string;
		parts: number;
		price: number;
		sender: string;
		sendAt: number;
		phones: string[];
	}
	const planned: Planned[] = [];
	const results: PhoneResult[] = [];
	const failed: PhoneResult[] = [];
	let validCount = 0;
	const rawByItem: Array<{ valid: string[]; invalid: string[] }> = [];
	for (const item of items) {
		const valid: string[] = [];
		const invalid: string[] = [];
		const seen = new Set<string>();
		for (const token of item.phones
			.split(/[,;\n]+/)
			.map((t) => t.trim())
			.filter(Boolean)) {
			const g = /^G(\d+)$/i.exec(token);
			if (g) {
				// an e-mail goes to a group of the mails.php address book
				const book = channel === 'mail' ? acc.mailBook : acc;
				const group = book.findGroupByNum(Number(g[1]));
				if (!group) {
					invalid.push(token);
					continue;
				}
				for (const c of book.contactsOfGroup(group))
					for (const ph of c.phones) if (!seen.has(ph)) (seen.add(ph), valid.push(ph));
				continue;
			}
			if (channel === 'mail' && EMAIL.test(token)) {
				if (!seen.has(token)) (seen.add(token), valid.push(token));
				continue;
			}
			const ph = normalizePhone(token);
			if (ph === null) invalid.push(token);
			else if (!seen.has(ph)) (seen.add(ph), valid.push(ph));
		}
		validCount += valid.length;
		rawByItem.push({ valid, invalid });
	}
	const mass = validCount > 1;

	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		const { valid, invalid } = rawByItem[i];
		let { text, comment } = splitComment(item.mes);
		text = transliterate(text, translit);
		if (maxsms > 0 && ['sms', 'flash', 'push'].includes(channel))
			text = truncateToParts(text, maxsms);
		const parts = partsFor(channel, text, p);
		const price = round4(priceFor(acc, channel, parts));
		const sender = item.sender ?? defaultSender;
		let sendAt = baseSendAt;
		if (item.tz !== undefined && Number.isFinite(item.tz) && p.time) {
			try {
				sendAt = parseSendTime(p.time, item.tz, now);
			} catch {
				throw apiError(script, 5);
			}
		}
		const ok: string[] = [];
		for (const ph of valid) {
			const b = EMAIL.test(ph) ? acc.mailBook.black.get(ph.toLowerCase()) : acc.black.get(ph);
			const blocked =
				b !== undefined && (b.type === 0 || (b.type === 1 && mass) || (b.type === 2 && !mass));
			const info = EMAIL.test(ph) ? null : numberInfo(ph);
			// "the server also blocks sending more than 50 messages to one subscriber sent with less than
			// 60 seconds between them" (003). How SMSC answers is not stated: a refused recipient with
			// status 23 and error 0, and error 8 when every recipient is refused, is a guess.
			const chain = acc.floodChains.get(ph);
			// (off with the other limits: --no-limits)
			const flooded =
				emu.duplicateLimits !== false &&
				chain !== undefined &&
				now - chain.last < FLOOD_GAP_MS &&
				chain.count >= FLOOD_LIMIT;
			if (blocked || flooded) {
				const r = {
					phone: ph,
					mccmnc: info?.mccmnc ?? '',
					cost: '0.00',
					status: '23',
					error: flooded && !blocked ? '0' : '252',
				};
				results.push(r);
				failed.push(r);
				continue;
			}
			ok.push(ph);
			results.push({
				phone: ph,
				mccmnc: info?.mccmnc ?? '',
				cost: money(price),
				status: '-1',
				error: '0',
			});
		}
		for (const bad of invalid) {
			const r = { phone: bad, mccmnc: '', cost: '0.00', status: '22', error: '249' };
			results.push(r);
			failed.push(r);
		}
		planned.push({ item, text, comment, parts, price, sender, sendAt, phones: ok });
	}

	const okCount = planned.reduce((n, x) => n + x.phones.length, 0);
	if (okCount === 0) {
		const anyBlocked = failed.some((r) => r.status === '23');
		const anyInvalid = failed.some((r) => r.status === '22');
		throw apiError(script, anyBlocked && !anyInvalid ? 8 : 7, id);
	}
	const cnt = planned.reduce((n, x) => n + x.parts * x.phones.length, 0);
	const total = round4(planned.reduce((n, x) => n + x.price * x.phones.length, 0));
	const phoneList = op ? results : errList ? failed : null;
	// the page shows `phones` for op=1 only; that err=1 uses the same key is a guess ('other': `errors`)
	const phoneKey = !op && acc.guessedShapes === 'other' ? 'errors' : 'phones';

	if (costMode === 1) {
		const json: Record<string, unknown> = { cost: money(total), cnt };
		if (phoneList) json[phoneKey] = phoneList;
		return {
			json,
			text: () => `${money(total)} (${cnt} SMS)` + opLines(phoneList),
			nums: () => `${money(total)},${cnt}` + opLines(phoneList),
			xml: () =>
				`<result>\n<cost>${money(total)}</cost>\n<cnt>${cnt}</cnt>\n${opXml(phoneList)}</result>`,
		};
	}

	if (total > acc.balance + 1e-9) throw apiError(script, 3, id);
	// userip: the account's "messages a day from one IP address" limit (the refusal code 6 is a guess)
	const ipKey = p.userip ? `${p.userip} ${moscowDay(now)}` : '';
	if (
		ipKey &&
		acc.ipDailyLimit !== null &&
		(acc.ipCounts.get(ipKey) ?? 0) + okCount > acc.ipDailyLimit
	)
		throw apiError(script, 6, id);
	const files: SentFile[] = FILE_CHANNELS.has(channel)
		? ctx.files.map((f) => sentFile(f.field, f.filename, f.contentType, f.bytes))
		: [];
	if (p.fileurl) files.push(await download(p.fileurl));
	if (total > acc.balance + 1e-9) throw apiError(script, 3, id);
	acc.balance = round4(acc.balance - total);
	if (ipKey) acc.ipCounts.set(ipKey, (acc.ipCounts.get(ipKey) ?? 0) + okCount);
	const call = channel === 'call' ? callParams(p.param) : undefined;
	// MMS without a subject: "the sender name given in the request, or the default one, is used"
	const subject =
		channel === 'mail' ? p.subj : channel === 'mms' ? p.subj || p.sender || 'SMSC' : undefined;

	const options: Record<string, string> = {};
	for (const [k, v] of Object.entries(p)) if (!NOT_OPTIONS.has(k)) options[k] = v;
	const type = MESSAGE_TYPES[channel] ?? 0;
	for (const x of planned) {
		const records: MessageRecord[] = [];
		for (const ph of x.phones) {
			const chain = acc.floodChains.get(ph);
			acc.floodChains.set(ph, {
				last: now,
				count: chain !== undefined && now - chain.last < FLOOD_GAP_MS ? chain.count + 1 : 1,
			});
			const info = EMAIL.test(ph)
				? { mccmnc: '', country: '', operator: '', region: '' }
				: numberInfo(ph);
			const m: MessageRecord = {
				intId: emu.nextIntId(),
				id,
				phone: ph,
				channel,
				type,
				text: x.text,
				comment: x.comment,
				sender: x.sender,
				parts: x.parts,
				cost: x.price,
				status: -1,
				err: 0,
				createdAt: now,
				sendAt: x.sendAt,
				lastAt: now,
				mccmnc: info.mccmnc,
				country: info.country,
				operator: info.operator,
				region: info.region,
				options,
				files,
				deleted: false,
			};
			if (call) m.callParams = call;
			if (subject !== undefined) m.subject = subject;
			acc.addMessage(m);
			records.push(m);
		}
		emu.scheduleDelivery(acc, records, x.sendAt);
	}
	acc.accepted += okCount;
	emu.stats.messagesAccepted += okCount;
	emu.stats.sendRequestsAccepted++;

	const json: Record<string, unknown> = { id, cnt };
	if (costMode >= 2) json.cost = money(total);
	if (costMode === 3) json.balance = money(acc.balance);
	if (phoneList) json[phoneKey] = phoneList;
	const costTxt = costMode >= 2 ? `, COST - ${money(total)}` : '';
	const balTxt = costMode === 3 ? `, BALANCE - ${money(acc.balance)}` : '';
	return {
		json,
		text: () => `OK - ${cnt} SMS, ID - ${id}${costTxt}${balTxt}` + opLines(phoneList),
		nums: () =>
			[
				id,
				cnt,
				...(costMode >= 2 ? [money(total)] : []),
				...(costMode === 3 ? [money(acc.balance)] : []),
			].join(',') + opLines(phoneList),
		xml: () =>
			`<result>\n<id>${xmlEscape(id)}</id>\n<cnt>${cnt}</cnt>\n` +
			(costMode >= 2 ? `<cost>${money(total)}</cost>\n` : '') +
			(costMode === 3 ? `<balance>${money(acc.balance)}</balance>\n` : '') +
			opXml(phoneList) +
			'</result>',
	};
}

function opLines(list: PhoneResult[] | null): string {
	if (!list || list.length === 0) return '';
	return (
		'\n' + list.map((r) => `${r.phone},${r.mccmnc},${r.cost},${r.status},${r.error}`).join('\n')
	);
}

function opXml(list: PhoneResult[] | null): string {
	if (!list) return '';
	return (
		'<phones>\n' +
		list
			.map(
				(r) =>
					`<phone mccmnc="${xmlEscape(r.mccmnc)}" cost="${r.cost}" status="${r.status}" error="${r.error}">${xmlEscape(r.phone)}</phone>\n`,
			)
			.join('') +
		'</phones>\n'
	);
}
