/**
 * send.php and POST /rest/send/ (doc 003): recipients (phones, G<group>, e-mail), `list`, channels,
 * part counting, prices, balance, `time`, `cost` 0-3, `op`, `err`, and the delivery simulation.
 */
import { xmlEscape } from '../codec';
import { apiError, type Reply } from '../reply';
import { countParts, normalizePhone, numberInfo, splitComment, transliterate, truncateToParts } from '../sms';
import { MESSAGE_TYPES, money, round4, type Account, type MessageRecord } from '../state';
import { parseSendTime, TimeFormatError } from '../time';
import { flag, int, type Ctx } from './context';

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

const NOT_OPTIONS = new Set(['login', 'psw', 'apikey', 'phones', 'mes', 'list', 'fmt', 'charset', 'cost', 'op', 'err', 'id']);
const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

/** Channel prefixes at the start of `mes` (004; SMSC accepts them over HTTP too): `__TGM__: <code>`. */
const PREFIXES: Array<[RegExp, string]> = [[/^__TGM__: ?/, 'tgm']];

/** Which channel a request uses, from its prefix or its flags (first match wins). */
export function channelOf(p: Record<string, string>): string {
	for (const [prefix, channel] of PREFIXES) if (prefix.test(p.mes ?? '')) return channel;
	if (flag(p.hlr)) return 'hlr';
	if (flag(p.ping)) return 'ping';
	if (flag(p.call)) return 'call';
	if (flag(p.mail)) return 'mail';
	if (flag(p.viber)) return 'viber';
	if (flag(p.whatsapp)) return 'whatsapp';
	if (p.bot) return 'bot';
	if (flag(p.tgm)) return 'tgm';
	if (flag(p.soc)) return 'soc';
	if (flag(p.mms)) return 'mms';
	if (flag(p.push)) return 'push';
	if (flag(p.bin)) return 'bin';
	if (flag(p.flash)) return 'flash';
	return 'sms';
}

function looksLikeRecipients(s: string): boolean {
	const tokens = s.split(/[,;]/).map((t) => t.trim()).filter(Boolean);
	return tokens.length > 0 && tokens.every((t) => /^G\d+$/i.test(t) || EMAIL.test(t) || normalizePhone(t) !== null);
}

/** `list`: lines "phones:mes" or "sender,tz|phones:mes"; `\n` escapes, or real newlines with nl=1. */
export function parseList(list: string, nl: boolean): Item[] | null {
	const items: Item[] = [];
	for (const line of list.split(/\r?\n/)) {
		const m = /^(?:([^|:]*)\|)?([^:]*):([\s\S]*)$/.exec(line);
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
			const bytes = p.bin === '2' ? Math.ceil(text.replace(/\s/g, '').length / 2) : Buffer.byteLength(text, 'latin1');
			return bytes <= 140 ? 1 : Math.ceil(bytes / 134);
		}
		case 'call':
			// cnt is seconds for a call: ~12 characters of speech a second, at least 10 s
			return Math.max(10, Math.ceil(text.length / 12));
		default:
			return 1;
	}
}

function priceFor(acc: Account, channel: string, parts: number): number {
	if (acc.testMode) return 0;
	const pr = acc.prices;
	switch (channel) {
		case 'sms':
		case 'flash':
		case 'push':
		case 'bin':
			return pr.sms * parts;
		case 'hlr':
			return pr.hlr;
		case 'ping':
			return pr.ping;
		case 'call':
			return pr.call;
		case 'mail':
			return pr.mail;
		case 'viber':
			return pr.viber;
		case 'whatsapp':
			return pr.whatsapp;
		case 'bot':
			return pr.bot;
		case 'tgm':
			return pr.tgm;
		case 'soc':
			return pr.soc;
		case 'mms':
			return pr.mms;
		default:
			return pr.sms * parts;
	}
}

function validClientId(id: string): boolean {
	if (/^\d+$/.test(id)) {
		const n = Number(id);
		return n >= 1 && n <= 2147483647;
	}
	return /^[A-Za-z0-9.\-_]{1,40}$/.test(id);
}

function validSender(s: string): boolean {
	if (/^\+?\d{1,15}$/.test(s)) return true;
	if (EMAIL.test(s)) return true;
	return s.length <= 11;
}

export function send(ctx: Ctx): Reply {
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
	const needsText = !['hlr', 'ping'].includes(channel) && !(channel === 'call' && p.fileurl);

	let items: Item[];
	if (p.list !== undefined && p.list !== '') {
		const parsed = parseList(p.list, flag(p.nl));
		if (!parsed) throw apiError(script, 1);
		items = parsed;
	} else {
		if (!p.phones || (needsText && !p.mes)) throw apiError(script, 1);
		items = [{ phones: p.phones, mes: p.mes ?? '' }];
	}
	if (channel === 'mail' && !p.subj) throw apiError(script, 1);
	if (p.id !== undefined && p.id !== '' && !validClientId(p.id)) throw apiError(script, 1);

	const baseTz = p.tz !== undefined && p.tz !== '' ? Number(p.tz) : 0;
	if (!Number.isFinite(baseTz)) throw apiError(script, 1);
	let baseSendAt: number;
	try {
		baseSendAt = parseSendTime(p.time ?? '', baseTz, now);
	} catch (e) {
		if (e instanceof TimeFormatError) throw apiError(script, 5);
		throw e;
	}

	const clientId = p.id !== undefined && p.id !== '';
	const id: string | number = clientId ? (/^\d+$/.test(p.id) ? Number(p.id) : p.id) : acc.nextMessageId++;

	const maxsms = int(p.maxsms, 0);
	const translit = int(p.translit, 0);
	const defaultSender = p.sender ?? '';
	if (defaultSender && !validSender(defaultSender)) throw apiError(script, 6, id);

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
		for (const token of item.phones.split(/[,;\n]+/).map((t) => t.trim()).filter(Boolean)) {
			const g = /^G(\d+)$/i.exec(token);
			if (g) {
				const group = acc.findGroupByNum(Number(g[1]));
				if (!group) {
					invalid.push(token);
					continue;
				}
				for (const c of acc.contactsOfGroup(group)) for (const ph of c.phones) if (!seen.has(ph)) (seen.add(ph), valid.push(ph));
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
		if (text.length > 1000) throw apiError(script, 1);
		text = transliterate(text, translit);
		if (maxsms > 0 && ['sms', 'flash', 'push'].includes(channel)) text = truncateToParts(text, maxsms);
		const parts = partsFor(channel, text, p);
		const price = round4(priceFor(acc, channel, parts));
		const sender = item.sender ?? defaultSender;
		if (item.sender && !validSender(item.sender)) throw apiError(script, 6, id);
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
			const b = acc.black.get(ph);
			const blocked = b !== undefined && (b.type === 0 || (b.type === 1 && mass) || (b.type === 2 && !mass));
			const info = EMAIL.test(ph) ? null : numberInfo(ph);
			if (blocked) {
				const r = { phone: ph, mccmnc: info?.mccmnc ?? '', cost: '0.00', status: '23', error: '252' };
				results.push(r);
				failed.push(r);
				continue;
			}
			ok.push(ph);
			results.push({ phone: ph, mccmnc: info?.mccmnc ?? '', cost: money(price), status: '-1', error: '0' });
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

	if (costMode === 1) {
		const json: Record<string, unknown> = { cost: money(total), cnt };
		if (phoneList) json.phones = phoneList;
		return {
			json,
			text: () => `${money(total)} (${cnt} SMS)` + opLines(phoneList),
			nums: () => `${money(total)},${cnt}` + opLines(phoneList),
			xml: () => `<result>\n<cost>${money(total)}</cost>\n<cnt>${cnt}</cnt>\n${opXml(phoneList)}</result>`,
		};
	}

	if (total > acc.balance + 1e-9) throw apiError(script, 3, id);
	acc.balance = round4(acc.balance - total);

	const options: Record<string, string> = {};
	for (const [k, v] of Object.entries(p)) if (!NOT_OPTIONS.has(k)) options[k] = v;
	const type = MESSAGE_TYPES[channel] ?? 0;
	for (const x of planned) {
		const records: MessageRecord[] = [];
		for (const ph of x.phones) {
			const info = EMAIL.test(ph) ? { mccmnc: '', country: '', operator: '', region: '' } : numberInfo(ph);
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
				deleted: false,
			};
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
	if (phoneList) json.phones = phoneList;
	const costTxt = costMode >= 2 ? `, COST - ${money(total)}` : '';
	const balTxt = costMode === 3 ? `, BALANCE - ${money(acc.balance)}` : '';
	return {
		json,
		text: () => `OK - ${cnt} SMS, ID - ${id}${costTxt}${balTxt}` + opLines(phoneList),
		nums: () =>
			[id, cnt, ...(costMode >= 2 ? [money(total)] : []), ...(costMode === 3 ? [money(acc.balance)] : [])].join(',') +
			opLines(phoneList),
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
	return '\n' + list.map((r) => `${r.phone},${r.mccmnc},${r.cost},${r.status},${r.error}`).join('\n');
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
