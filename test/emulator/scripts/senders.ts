/** senders.php ("Управление именами отправителей (Sender ID)"): get, add, chg, del, send_code, check_code. */
import { xmlEscape } from '../codec';
import { apiError, type Reply } from '../reply';
import type { Account, SenderName } from '../state';
import { parseDay } from '../time';
import { flag, int, limitParam, type Ctx } from './context';

const S = 'senders';
const OPERATOR_FLAGS = [
	'mts_step',
	'sber_step',
	'tele2',
	'motiv',
	'mega_step',
	'bee_step',
	'motiv_step',
	'winmob_step',
	'volnamob_step',
	'tele2_step',
	'ua_reg',
	'ua_int',
	'by_reg',
	'by_int',
];
const UA_FIELDS = ['fio', 'inn', 'site', 'email', 'address', 'desc', 'subj'];
const BY_FIELDS = ['by_fio', 'by_inn', 'by_address', 'by_ocup', 'by_type', 'by_mes', 'by_site'];
const EXTRA_FIELDS = [...UA_FIELDS, ...BY_FIELDS, 'doc_info'];
const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

const OK: Reply = {
	json: { result: 'OK' },
	text: () => 'OK',
	nums: () => 'OK',
	xml: () => '<result>OK</result>',
};

function validName(s: string): boolean {
	if (/^\d{1,15}$/.test(s)) return true;
	return (
		s.length >= 1 &&
		s.length <= 11 &&
		/^[A-Za-z0-9 .\-_!&'"()+,/:?@]+$/.test(s) &&
		/[A-Za-z]/.test(s)
	);
}

function find(acc: Account, p: Record<string, string>): SenderName {
	let s: SenderName | undefined;
	if (p.id) s = acc.senders.get(Number(p.id));
	else if (p.sender) {
		const id = acc.senderByName.get(p.sender.toLowerCase());
		s = id !== undefined ? acc.senders.get(id) : undefined;
	} else throw apiError(S, 1);
	if (!s) throw apiError(S, 3);
	return s;
}

function checkFlags(p: Record<string, string>): void {
	for (const f of OPERATOR_FLAGS) {
		if (!flag(p[f])) continue;
		if ((f === 'ua_reg' || f === 'ua_int') && UA_FIELDS.some((k) => !p[k])) throw apiError(S, 1);
		if ((f === 'by_reg' || f === 'by_int') && BY_FIELDS.some((k) => !p[k])) throw apiError(S, 1);
		// "by_ocup ... numbered 1 to 19", "by_type ... numbered 1 to 3" (the refusal code is a guess)
		if ((f === 'by_reg' || f === 'by_int') && (!inRange(p.by_ocup, 19) || !inRange(p.by_type, 3)))
			throw apiError(S, 1);
	}
}

function inRange(raw: string | undefined, max: number): boolean {
	return /^\d+$/.test(raw ?? '') && Number(raw) >= 1 && Number(raw) <= max;
}

const DOCUMENT_TYPES = new Set(['jpg', 'jpeg', 'tif', 'tiff', 'pdf', 'png', 'zip', 'rar']);
let nextFileId = 1;

/**
 * A document for the operators "in the body of the request": jpg, tif, pdf, png, zip, rar, at
 * most 3 MB (error 1 otherwise: the code is a guess); any form field name is taken.
 */
function attachDocuments(s: SenderName, ctx: Ctx): void {
	for (const f of ctx.files) {
		const type = /\.([a-z0-9]+)$/i.exec(f.filename)?.[1]?.toLowerCase() ?? '';
		if (!DOCUMENT_TYPES.has(type) || f.bytes.length > 3 * 1024 * 1024) throw apiError(S, 1);
	}
	for (const f of ctx.files)
		(s.documents ??= []).push({ file: f.filename, fid: nextFileId++, fstatus: 0, fcomment: '' });
}

function applyFlags(s: SenderName, p: Record<string, string>): void {
	checkFlags(p);
	for (const f of OPERATOR_FLAGS)
		if (flag(p[f]) && s.operators[f] === undefined) s.operators[f] = 0;
	for (const k of EXTRA_FIELDS) if (p[k] !== undefined) s.fields[k] = p[k];
}

function senderJson(s: SenderName, operators: boolean): Record<string, unknown> {
	const o: Record<string, unknown> = { id: s.id, sender: s.sender, cmt: s.cmt, status: s.status };
	if (s.mail) Object.assign(o, { mail: 1, name: s.name });
	if (operators) o.operators = { ...s.operators };
	return o;
}

/**
 * `user`: "the login of the sub-client the command applies to". Only a sub-client of the caller
 * (account option `parent`) is accepted; the refusal (error 2) is a guess, the page states none.
 */
export function senders(ctx: Ctx): Reply {
	if (ctx.p.user !== undefined && ctx.p.user !== '') {
		const sub = ctx.emu.accounts.get(ctx.p.user);
		if (!sub || sub.parent !== ctx.acc.login) throw apiError(S, 2);
		return sendersOf({ ...ctx, acc: sub });
	}
	return sendersOf(ctx);
}

function sendersOf(ctx: Ctx): Reply {
	const { acc, p, now, emu } = ctx;
	if (flag(p.get)) {
		const all = flag(p.all);
		const cnt = limitParam(ctx, 'cnt', 15000, 15000);
		const prev = p.prev_id ? int(p.prev_id, 0) : Infinity;
		if (Number.isNaN(prev)) throw apiError(S, 1);
		let fromDate: number | null = null;
		if (p.from_date) {
			fromDate = parseDay(p.from_date);
			if (fromDate === null) throw apiError(S, 1);
		}
		let list = [...acc.senders.values()].filter((s) => (all || s.status === 1) && s.id < prev);
		if (fromDate !== null)
			list = list.filter((s) => s.changedAt >= fromDate!).sort((a, b) => b.changedAt - a.changedAt);
		else list.sort((a, b) => b.id - a.id);
		list = list.slice(0, cnt);
		if (list.length === 0) throw apiError(S, 3);
		const json = list.map((s) => {
			const o = senderJson(s, flag(p.operators));
			if (flag(p.files)) o.files = s.documents ?? [];
			return o;
		});
		return {
			json,
			text: () =>
				list
					.map((s) => `id = ${s.id}, sender = ${s.sender}, cmt = ${s.cmt}, status = ${s.status}`)
					.join('\n'),
			nums: () => list.map((s) => `${s.id},${s.sender},${s.cmt},${s.status}`).join('\n'),
			xml: () =>
				'<list>\n' +
				list
					.map(
						(s) =>
							`<sender>\n<id>${s.id}</id>\n<sender>${xmlEscape(s.sender)}</sender>\n<cmt>${xmlEscape(s.cmt)}</cmt>\n<status>${s.status}</status>\n</sender>\n`,
					)
					.join('') +
				'</list>',
		};
	}
	if (flag(p.add)) {
		const isMail = flag(p.mail);
		const name = (p.sender ?? '').trim();
		if (!name) throw apiError(S, 1);
		if (isMail ? !EMAIL.test(name) : !validName(name)) throw apiError(S, 1);
		if (acc.senderByName.has(name.toLowerCase())) throw apiError(S, 5);
		checkFlags(p);
		const s: SenderName = {
			id: acc.nextSenderId++,
			sender: name,
			cmt: p.cmt ?? '',
			// alphanumeric names are approved at once; digital names wait for send_code/check_code
			status: /^\d+$/.test(name) ? 0 : 1,
			mail: isMail,
			name: p.name ?? '',
			operators: {},
			fields: {},
			createdAt: now,
			changedAt: now,
		};
		applyFlags(s, p);
		attachDocuments(s, ctx);
		acc.senders.set(s.id, s);
		acc.senderByName.set(name.toLowerCase(), s.id);
		return {
			// no page shows the answer to `add`: 'other' answers without the new name's id
			json: acc.guessedShapes === 'other' ? { result: 'OK' } : { id: s.id },
			text: () => `ID = ${s.id}`,
			nums: () => String(s.id),
			xml: () => `<sender>\n<id>${s.id}</id>\n</sender>`,
		};
	}
	if (flag(p.chg)) {
		const s = find(acc, p);
		if (p.cmt !== undefined) s.cmt = p.cmt;
		if (p.name !== undefined) s.name = p.name;
		applyFlags(s, p);
		s.changedAt = now;
		return {
			json: { result: 'OK', id: s.id },
			text: () => 'OK',
			nums: () => 'OK',
			xml: () => '<result>OK</result>',
		};
	}
	if (flag(p.del)) {
		const s = find(acc, p);
		acc.senders.delete(s.id);
		acc.senderByName.delete(s.sender.toLowerCase());
		return OK;
	}
	if (flag(p.send_code)) {
		if (!p.sender) throw apiError(S, 1);
		if (!/^\d{5,15}$/.test(p.sender)) throw apiError(S, 1);
		const s = find(acc, { sender: p.sender });
		if (p.site) {
			const siteId = acc.senderByName.get(p.site.toLowerCase());
			if (siteId === undefined || acc.senders.get(siteId)?.status !== 1) throw apiError(S, 1);
		}
		s.code = String(1000 + Math.floor(Math.random() * 9000));
		s.changedAt = now;
		emu.addLog({
			script: 'senders',
			method: 'internal',
			path: 'send_code',
			login: acc.login,
			params: { phone: s.sender, code: s.code },
			httpStatus: 0,
			response: `confirmation code ${s.code} sent to ${s.sender}`,
			errorCode: null,
			failure: null,
			startedAt: Date.now(),
			finishedAt: Date.now(),
			durationMs: 0,
			emulatorTime: now,
		});
		return OK;
	}
	if (flag(p.check_code)) {
		if (!p.sender || !p.code) throw apiError(S, 1);
		const s = find(acc, { sender: p.sender });
		if (!s.code || s.code !== p.code.trim()) throw apiError(S, 5);
		s.status = 1;
		s.code = undefined;
		s.changedAt = now;
		return OK;
	}
	throw apiError(S, 1);
}
