/**
 * phones.php and mails.php (Управление контактами): contacts, groups and the blacklist, one command
 * flag per request. mails.php is "the same format as phones.php" for e-mail addresses: `mail` and
 * `new_mail` instead of `phone` and `new_phone`, `mail`/`mail_other` in contacts and `email` in
 * blacklist records; it keeps its own address book (a guess).
 */
import { xmlEscape } from '../codec';
import { apiError, listLines, type Reply } from '../reply';
import { normalizePhone } from '../sms';
import { lowerBound, type AddressBook, type BlackRecord, type Contact, type Group } from '../state';
import { flag, int, limitParam, type Ctx } from './context';

type Kind = 'phone' | 'mail';
const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;
let S = 'phones';
/** The address kind of the request being handled (handlers are synchronous, so a module variable is safe). */
let kind: Kind = 'phone';

/** One address as the book keys it: a normalised phone, or a lower-case e-mail address; null if malformed. */
function normalize(raw: string): string | null {
	if (kind === 'phone') return normalizePhone(raw);
	const t = raw.trim().toLowerCase();
	return EMAIL.test(t) ? t : null;
}
const COMMANDS = [
	'add',
	'add_group',
	'chg',
	'chg_group',
	'move_group',
	'del',
	'del_group',
	'get',
	'get_group',
	'add_black',
	'del_black',
	'get_black',
];

const OK: Reply = {
	json: { result: 'OK' },
	text: () => 'OK',
	nums: () => 'OK',
	xml: () => '<result>OK</result>',
};

function created(id: number, tag: 'phone' | 'group'): Reply {
	return {
		json: { id },
		text: () => `ID = ${id}`,
		nums: () => String(id),
		xml: () => `<${tag}>\n<id>${id}</id>\n</${tag}>`,
	};
}

/** "a list of phones through any separator" → normalised phones; error 1 if one is malformed. */
function phoneList(raw: string | undefined): string[] {
	if (!raw) throw apiError(S, 1);
	const out: string[] = [];
	for (const chunk of raw.split(/[,;\n]+/).filter((c) => c.trim())) {
		// "+7 999 000-00-01" is one number; "79990000001 79990000002" are two
		const whole = normalize(chunk);
		for (const t of whole !== null ? [chunk] : chunk.split(/\s+/).filter(Boolean)) {
			const p = normalize(t);
			if (p === null) throw apiError(S, 1);
			if (!out.includes(p)) out.push(p);
		}
	}
	if (out.length === 0) throw apiError(S, 1);
	return out;
}

function onePhone(raw: string | undefined): string {
	const list = phoneList(raw);
	return list[0];
}

function groupIds(acc: AddressBook, raw: string | undefined): number[] {
	if (!raw) return [];
	const ids = raw
		.split(/[\s,;]+/)
		.filter(Boolean)
		.map(Number);
	for (const id of ids) if (!Number.isInteger(id) || !acc.groups.has(id)) throw apiError(S, 1);
	return ids;
}

function mustGroup(acc: AddressBook, raw: string | undefined): Group {
	if (!raw) throw apiError(S, 1);
	const g = acc.groups.get(Number(raw));
	if (!g) throw apiError(S, 3);
	return g;
}

function contactByPhone(acc: AddressBook, raw: string | undefined): Contact {
	const phone = onePhone(raw);
	const id = acc.contactByPhone.get(phone);
	const c = id !== undefined ? acc.contacts.get(id) : undefined;
	if (!c) throw apiError(S, 3);
	return c;
}

function setGroups(acc: AddressBook, c: Contact, ids: number[]): void {
	for (const gid of c.groups) acc.groups.get(gid)?.members.delete(c.intId);
	c.groups = new Set(ids);
	for (const gid of ids) acc.groups.get(gid)?.members.add(c.intId);
}

function applyFields(c: Contact, p: Record<string, string>): void {
	if (p.name !== undefined) c.name = p.name;
	if (p.fnm !== undefined) c.fnm = p.fnm;
	if (p.lnm !== undefined) c.lnm = p.lnm;
	if (p.mnm !== undefined) c.mnm = p.mnm;
	if (p.bd !== undefined) c.bd = p.bd;
	if (p.myid !== undefined) c.myid = p.myid;
	if (p.cmt !== undefined) c.cmt = p.cmt;
	if (p.tags !== undefined) c.tags = p.tags;
	if (p.pho !== undefined) c.pho = p.pho;
}

function validBd(bd: string | undefined): boolean {
	return bd === undefined || bd === '' || /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(bd);
}

function contactJson(c: Contact, withIntId: boolean): Record<string, unknown> {
	const groups = [...c.groups];
	const o: Record<string, unknown> = {
		[kind]: c.phones.join(','),
		name: c.name,
		group: groups.length === 0 ? 0 : groups.length === 1 ? groups[0] : groups.join(','),
		first_name: c.fnm,
		last_name: c.lnm,
		middle_name: c.mnm,
		birthday: c.bd,
		id: c.myid,
		comments: c.cmt,
		tags: c.tags,
		[`${kind}_other`]: c.pho,
	};
	// the page's fmt=3 contact has no int_id, yet after_id takes "the contact's identifier (int_id)":
	// that get returns it is a guess; `contactIntId: false` gives the page's shape
	if (withIntId) o.int_id = c.intId;
	return o;
}

function listReply(json: Array<Record<string, unknown>>, keys: string[], itemTag: string): Reply {
	return {
		json,
		...listLines(json, keys),
		xml: () =>
			'<list>\n' +
			json
				.map(
					(o) =>
						`<${itemTag}>\n` +
						keys.map((k) => `<${k}>${xmlEscape(o[k])}</${k}>\n`).join('') +
						`</${itemTag}>\n`,
				)
				.join('') +
			'</list>',
	};
}

export function phones(ctx: Ctx): Reply {
	return book(ctx, 'phone', ctx.acc);
}

export function mails(ctx: Ctx): Reply {
	return book(ctx, 'mail', ctx.acc.mailBook);
}

function book(ctx: Ctx, k: Kind, acc: AddressBook): Reply {
	kind = k;
	S = k === 'phone' ? 'phones' : 'mails';
	// mails.php names its address parameters `mail` / `new_mail`
	const p = k === 'phone' ? ctx.p : { ...ctx.p, phone: ctx.p.mail, new_phone: ctx.p.new_mail };
	const cmd = COMMANDS.find((c) =>
		c === 'move_group' ? p.move_group !== undefined && p.move_group !== '' : flag(p[c]),
	);
	switch (cmd) {
		case 'add': {
			const list = phoneList(p.phone);
			if (list.some((ph) => acc.contactByPhone.has(ph))) throw apiError(S, 5);
			if (!validBd(p.bd)) throw apiError(S, 1);
			const groups = groupIds(acc, p.grp);
			const c: Contact = {
				intId: acc.nextContactId++,
				phones: list,
				name: '',
				groups: new Set(),
				fnm: '',
				lnm: '',
				mnm: '',
				bd: '',
				myid: '',
				cmt: '',
				tags: '',
				pho: '',
			};
			applyFields(c, p);
			acc.contacts.set(c.intId, c);
			acc.contactOrder.push(c.intId);
			for (const ph of list) acc.contactByPhone.set(ph, c.intId);
			setGroups(acc, c, groups);
			return created(c.intId, 'phone');
		}
		case 'chg': {
			const c = contactByPhone(acc, p.phone);
			if (!validBd(p.bd)) throw apiError(S, 1);
			if (p.new_phone !== undefined && p.new_phone !== '') {
				const list = phoneList(p.new_phone);
				for (const ph of list) {
					const owner = acc.contactByPhone.get(ph);
					if (owner !== undefined && owner !== c.intId) throw apiError(S, 5);
				}
				for (const ph of c.phones) acc.contactByPhone.delete(ph);
				c.phones = list;
				for (const ph of list) acc.contactByPhone.set(ph, c.intId);
			}
			if (p.grp !== undefined && p.grp !== '') setGroups(acc, c, groupIds(acc, p.grp));
			applyFields(c, p);
			return OK;
		}
		case 'move_group': {
			const mode = int(p.move_group, 0);
			if (![1, 2, 3].includes(mode)) throw apiError(S, 1);
			const g = mustGroup(acc, p.grp);
			const c = contactByPhone(acc, p.phone);
			if (mode === 1) setGroups(acc, c, [g.id]);
			else if (mode === 2)
				setGroups(
					acc,
					c,
					[...c.groups, g.id].filter((v, i, a) => a.indexOf(v) === i),
				);
			else {
				if (!c.groups.has(g.id)) throw apiError(S, 3);
				setGroups(
					acc,
					c,
					[...c.groups].filter((x) => x !== g.id),
				);
			}
			return OK;
		}
		case 'del': {
			const list = phoneList(p.phone);
			let n = 0;
			for (const ph of list) {
				const id = acc.contactByPhone.get(ph);
				const c = id !== undefined ? acc.contacts.get(id) : undefined;
				if (c) {
					acc.removeContact(c);
					n++;
				}
			}
			if (n === 0) throw apiError(S, 3);
			return OK;
		}
		case 'add_group': {
			if (!p.name) throw apiError(S, 1);
			const id = acc.nextGroupId++;
			const num = p.num !== undefined && p.num !== '' ? int(p.num, id) : id;
			if (!Number.isFinite(num)) throw apiError(S, 1);
			acc.groups.set(id, {
				id,
				name: p.name,
				num,
				type: int(p.type, 0) === 1 ? 1 : 0,
				members: new Set(),
			});
			return created(id, 'group');
		}
		case 'chg_group': {
			const g = mustGroup(acc, p.grp);
			if (p.name === undefined && p.num === undefined) throw apiError(S, 1);
			if (p.name !== undefined) g.name = p.name;
			if (p.num !== undefined && p.num !== '') {
				const num = int(p.num, g.num);
				if (!Number.isFinite(num)) throw apiError(S, 1);
				g.num = num;
			}
			return OK;
		}
		case 'del_group': {
			const g = mustGroup(acc, p.grp);
			for (const cid of g.members) acc.contacts.get(cid)?.groups.delete(g.id);
			acc.groups.delete(g.id);
			return OK;
		}
		case 'get': {
			const cnt = limitParam(ctx, 'cnt', 1000, 1000);
			const afterId = int(p.after_id, 0);
			if (!Number.isFinite(afterId)) throw apiError(S, 1);
			let members: Set<number> | undefined;
			if (p.grp !== undefined && p.grp !== '') {
				const g = acc.groups.get(Number(p.grp));
				if (!g) throw apiError(S, 3);
				members = g.members;
			}
			let only: number | undefined;
			if (p.phone) {
				const id = acc.contactByPhone.get(onePhone(p.phone));
				if (id === undefined) throw apiError(S, 3);
				only = id;
			}
			const fio = (p.fio ?? '').toLowerCase();
			const search = (p.search ?? '').toLowerCase();
			const searchDigits = kind === 'phone' ? search.replace(/\D/g, '') : search;
			const out: Array<Record<string, unknown>> = [];
			const order = acc.contactOrder;
			for (let i = lowerBound(order, afterId + 1); i < order.length && out.length < cnt; i++) {
				const c = acc.contacts.get(order[i])!;
				if (only !== undefined && c.intId !== only) continue;
				if (members && !members.has(c.intId)) continue;
				if (
					fio &&
					![c.fnm, c.lnm, c.mnm, `${c.lnm} ${c.fnm} ${c.mnm}`].some((s) =>
						s.toLowerCase().includes(fio),
					)
				)
					continue;
				if (
					search &&
					!c.name.toLowerCase().includes(search) &&
					!c.phones.some((ph) => ph.includes(searchDigits || '\u0000'))
				)
					continue;
				out.push(contactJson(c, ctx.acc.contactIntId));
			}
			if (out.length === 0) throw apiError(S, 3);
			// the other formats list the page's fields: those of the JSON but the guessed int_id
			const pageKeys = Object.keys(out[0]).filter((k) => k !== 'int_id');
			return listReply(out, pageKeys, 'contact');
		}
		case 'get_group': {
			const type = p.type !== undefined && p.type !== '' ? int(p.type, 0) : undefined;
			const out = [...acc.groups.values()]
				.filter((g) => type === undefined || g.type === type)
				.sort((a, b) => a.id - b.id)
				.map((g) => ({ id: g.id, name: g.name, number: g.num, cnt: String(g.members.size) }));
			if (out.length === 0) throw apiError(S, 3);
			return listReply(out, ['id', 'name', 'number', 'cnt'], 'group');
		}
		case 'add_black': {
			const phone = onePhone(p.phone);
			const type = int(p.type, 0);
			if (![0, 1, 2].includes(type)) throw apiError(S, 1);
			let rec = acc.black.get(phone);
			if (rec) {
				rec.type = type;
				if (p.cmt !== undefined) rec.comment = p.cmt;
			} else {
				rec = { id: acc.nextBlackId++, phone, type, comment: p.cmt ?? '' };
				acc.black.set(phone, rec);
			}
			return created(rec.id, 'phone');
		}
		case 'del_black': {
			const phone = onePhone(p.phone);
			if (!acc.black.delete(phone)) throw apiError(S, 3);
			return OK;
		}
		case 'get_black': {
			const cnt = limitParam(ctx, 'cnt', 1000, 1000);
			const prev = p.prev_id !== undefined && p.prev_id !== '' ? int(p.prev_id, 0) : Infinity;
			if (Number.isNaN(prev)) throw apiError(S, 1);
			const type = p.type !== undefined && p.type !== '' ? int(p.type, 0) : undefined;
			const phone = p.phone ? onePhone(p.phone) : undefined;
			const recs: BlackRecord[] = [...acc.black.values()]
				.filter(
					(r) =>
						r.id < prev &&
						(type === undefined || type === 0 || r.type === type) &&
						(!phone || r.phone === phone),
				)
				.sort((a, b) => b.id - a.id)
				.slice(0, cnt);
			if (recs.length === 0) throw apiError(S, 3);
			const addressKey = kind === 'phone' ? 'phone' : 'email';
			return listReply(
				recs.map((r) => ({ id: r.id, [addressKey]: r.phone, type: r.type, comment: r.comment })),
				['id', addressKey, 'type', 'comment'],
				'record',
			);
		}
		default:
			throw apiError(S, 1);
	}
}
