/** get.php: get_answers (incoming messages) and get_messages (sent history). Error 3 = nothing found. */
import { apiError, listLines, type Reply } from '../reply';
import { normalizePhone } from '../sms';
import { lowerBoundBy, money, type MessageRecord } from '../state';
import { formatDate, parseDay } from '../time';
import { STATUS_NAMES } from './status';
import { flag, int, limitParam, type Ctx } from './context';

const S = 'get';

function getAnswers(ctx: Ctx): Reply {
	const { acc, p, now } = ctx;
	const cnt = limitParam(ctx, 'cnt', 1000, 10000);
	const inc = acc.incoming;
	let start: number;
	const afterId = p.after_id !== undefined && p.after_id !== '' ? int(p.after_id, 0) : undefined;
	if (afterId !== undefined) {
		if (!Number.isFinite(afterId)) throw apiError(S, 1);
		start = lowerBoundBy(inc, afterId + 1, (m) => m.id);
	} else {
		const hour = int(p.hour, 24);
		if (!Number.isFinite(hour) || hour < 1 || hour > 168) throw apiError(S, 1);
		start = lowerBoundBy(inc, now - hour * 3600_000, (m) => m.received);
	}
	const to = p.to_phone ? (normalizePhone(p.to_phone) ?? p.to_phone.replace(/\D/g, '')) : undefined;
	const picked = [];
	if (afterId !== undefined) {
		for (let i = start; i < inc.length && picked.length < cnt; i++)
			if (!to || inc[i].to === to) picked.push(inc[i]);
	} else {
		// newest `cnt` of the window, returned oldest first
		for (let i = inc.length - 1; i >= start && picked.length < cnt; i--)
			if (!to || inc[i].to === to) picked.push(inc[i]);
		picked.reverse();
	}
	if (picked.length === 0) throw apiError(S, 3);
	const json = picked.map((m) => ({
		id: m.id,
		received: formatDate(m.received),
		phone: m.phone,
		message: m.mes,
		to_phone: m.to,
		sent: Math.floor(m.sent / 1000),
	}));
	return {
		json,
		...listLines(
			json,
			['id', 'received', 'phone', 'message', 'to_phone', 'sent'],
			['id', 'received', 'phone', 'to_phone', 'sent', 'message'],
		),
	};
}

function messageJson(m: MessageRecord): Record<string, unknown> {
	return {
		int_id: m.intId,
		id: m.id,
		send_date: formatDate(m.createdAt),
		send_timestamp: Math.floor(m.createdAt / 1000),
		last_date: formatDate(m.lastAt),
		last_timestamp: Math.floor(m.lastAt / 1000),
		phone: m.phone,
		mccmnc: m.mccmnc,
		cost: money(m.cost),
		sender_id: m.sender,
		status: m.status,
		status_name: STATUS_NAMES[m.status] ?? String(m.status),
		err: m.err,
		message: m.text,
		comment: m.comment,
		type: m.type,
		sms_cnt: m.parts,
	};
}

function getMessages(ctx: Ctx): Reply {
	const { acc, p } = ctx;
	const cnt = limitParam(ctx, 'cnt', 1000, 1000);
	const prev = p.prev_id !== undefined && p.prev_id !== '' ? int(p.prev_id, 0) : Infinity;
	if (Number.isNaN(prev)) throw apiError(S, 1);
	let from = -Infinity;
	let until = Infinity;
	if (p.start) {
		const d = parseDay(p.start);
		if (d === null) throw apiError(S, 1);
		from = d;
	}
	if (p.end) {
		const d = parseDay(p.end);
		if (d === null) throw apiError(S, 1);
		until = d + 24 * 3600_000;
	}
	let source: MessageRecord[] = acc.history;
	if (p.phone) {
		const ph = normalizePhone(p.phone) ?? p.phone.replace(/\D/g, '');
		source = acc.byPhone.get(ph) ?? [];
	}
	const out: MessageRecord[] = [];
	// both indexes are sorted by intId and by createdAt: binary-search the newest candidate
	let i = prev === Infinity ? source.length : lowerBoundBy(source, prev, (m) => m.intId);
	if (until !== Infinity)
		i = Math.min(
			i,
			lowerBoundBy(source, until, (m) => m.createdAt),
		);
	i--;
	for (; i >= 0 && out.length < cnt; i--) {
		const m = source[i];
		if (m.deleted) continue;
		if (m.createdAt >= until) continue;
		if (m.createdAt < from) break;
		out.push(m);
	}
	if (out.length === 0) throw apiError(S, 3);
	const json = out.map(messageJson);
	return {
		json,
		...listLines(
			json,
			['id', 'int_id', 'send_date', 'phone', 'status', 'err', 'cost', 'message'],
			['id', 'int_id', 'send_timestamp', 'phone', 'status', 'err', 'cost', 'message'],
		),
	};
}

export function get(ctx: Ctx): Reply {
	if (flag(ctx.p.get_answers)) return getAnswers(ctx);
	if (flag(ctx.p.get_messages)) return getMessages(ctx);
	throw apiError(S, 1);
}
