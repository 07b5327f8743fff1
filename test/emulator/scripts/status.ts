/** status.php: one or many (id, phone) pairs, all=0/1/2, del=1. Error 3 = message not found. */
import { hlrFields, xmlEscape } from '../codec';
import { apiError, type Reply } from '../reply';
import { normalizePhone } from '../sms';
import { money, type MessageRecord } from '../state';
import { formatDate } from '../time';
import { int, flag, type Ctx } from './context';

export const STATUS_NAMES: Record<number, string> = {
	[-3]: 'Message not found',
	[-2]: 'Stopped',
	[-1]: 'Waiting to be sent',
	0: 'Transferred to the operator',
	1: 'Delivered',
	2: 'Read',
	3: 'Expired',
	4: 'Link clicked',
	20: 'Impossible to deliver',
	22: 'Invalid number',
	23: 'Prohibited',
	24: 'Insufficient funds',
	25: 'Unavailable number',
};

export function statusObject(m: MessageRecord, all: number): Record<string, unknown> {
	const o: Record<string, unknown> = {
		status: m.status,
		last_date: formatDate(m.lastAt),
		last_timestamp: Math.floor(m.lastAt / 1000),
		err: m.err,
	};
	if (all >= 1) {
		Object.assign(o, {
			send_date: formatDate(m.createdAt),
			send_timestamp: Math.floor(m.createdAt / 1000),
			phone: m.phone,
			cost: money(m.cost),
			sender_id: m.sender,
			status_name: STATUS_NAMES[m.status] ?? String(m.status),
			message: m.text,
			comment: m.comment,
			mccmnc: m.mccmnc,
			type: m.type,
			sms_cnt: m.parts,
		});
	}
	if (all >= 2) Object.assign(o, { country: m.country, operator: m.operator, region: m.region });
	if (m.hlr) Object.assign(o, hlrFields(m.hlr));
	return o;
}

function fmt1(m: MessageRecord, all: number): string {
	const parts: unknown[] = [m.status, Math.floor(m.lastAt / 1000), m.err];
	if (all >= 1) {
		parts.push(
			Math.floor(m.createdAt / 1000),
			m.phone,
			money(m.cost),
			m.sender,
			STATUS_NAMES[m.status] ?? m.status,
		);
		if (all >= 2) parts.push(m.country, m.operator, m.region);
		parts.push(m.text);
	}
	return parts.join(',');
}

export function status(ctx: Ctx): Reply {
	const { acc, p } = ctx;
	const script = 'status';
	if (!p.id || !p.phone) throw apiError(script, 1);
	const all = int(p.all, 0);
	if (![0, 1, 2].includes(all)) throw apiError(script, 1);
	const ids = p.id.split(',').map((s) => s.trim());
	const phones = p.phone.split(',').map((s) => s.trim());
	const isList = ids.length > 1 || p.id.trim().endsWith(',');
	if (ids.length > 1 && ids[ids.length - 1] === '') ids.pop();
	if (phones.length > 1 && phones[phones.length - 1] === '') phones.pop();
	if (phones.length !== 1 && phones.length !== ids.length) throw apiError(script, 1);
	const cleanPhone = (raw: string) => normalizePhone(raw) ?? raw.replace(/[^\d@a-zA-Z._\-]/g, '');
	const pairs = ids.map((id, i) => ({
		id,
		phone: cleanPhone(phones.length === 1 ? phones[0] : phones[i]),
	}));
	const found = pairs.map((x) => ({
		...x,
		m: acc.findMessage(/^\d+$/.test(x.id) ? Number(x.id) : x.id, x.phone),
	}));

	if (flag(p.del)) {
		const hits = found.filter((f) => f.m);
		if (hits.length === 0) throw apiError(script, 3);
		for (const f of hits) acc.deleteMessage(f.m!);
		return {
			json: { result: 'OK' },
			text: () => 'OK',
			nums: () => 'OK',
			xml: () => '<result>OK</result>',
		};
	}

	if (!isList) {
		const m = found[0].m;
		if (!m) throw apiError(script, 3);
		const o = statusObject(m, all);
		return {
			json: o,
			text: () => {
				let s = `Status = ${m.status}, check_time = ${o.last_date}, err = ${m.err}`;
				if (all >= 1)
					s += `, send_date = ${o.send_date}, phone = ${m.phone}, cost = ${o.cost}, sender_id = ${m.sender}, status_name = ${o.status_name}, message = ${m.text}`;
				if (all >= 2)
					s += `, country = ${m.country}, operator = ${m.operator}, region = ${m.region}`;
				return s;
			},
			nums: () => fmt1(m, all),
		};
	}

	let list = found.map((f) =>
		f.m
			? { id: f.m.id, phone: f.m.phone, ...statusObject(f.m, all) }
			: {
					id: /^\d+$/.test(f.id) ? Number(f.id) : f.id,
					phone: f.phone,
					status: -3,
					last_date: '',
					last_timestamp: 0,
					err: 0,
				},
	);
	// no page states the order of a list answer: 'reordered' answers newest pair first and leaves
	// out pairs it does not know, so tests can prove a client matches entries by id and phone
	if (acc.statusListOrder === 'reordered') list = list.filter((o) => o.status !== -3).reverse();
	// no page shows a list answer: 'other' leaves out id and phone, as a position-only list would
	const shown =
		acc.guessedShapes === 'other' ? list.map(({ id: _id, phone: _phone, ...rest }) => rest) : list;
	return {
		json: shown,
		text: () =>
			list
				.map(
					(o) =>
						`id = ${o.id}, phone = ${o.phone}, status = ${o.status}, check_time = ${o.last_date}, err = ${o.err}`,
				)
				.join('\n'),
		nums: () =>
			list.map((o) => `${o.id},${o.phone},${o.status},${o.last_timestamp},${o.err}`).join('\n'),
		xml: () =>
			'<list>\n' +
			list
				.map(
					(o) =>
						'<sms>\n' +
						Object.entries(o)
							.map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>\n`)
							.join('') +
						'</sms>\n',
				)
				.join('') +
			'</list>',
	};
}
