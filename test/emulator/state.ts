/**
 * In-memory state of the emulated SMSC: accounts and, per account, sent messages (indexed by
 * (id, phone), by phone and in send order), contacts, groups, blacklist, sender names, incoming
 * messages and pending wait_call confirmations. Every lookup a request needs is a Map hit or a
 * binary search; nothing scans all messages.
 */

export interface Prices {
	/** per SMS part per recipient (also flash, push, bin) */
	sms: number;
	hlr: number;
	ping: number;
	/** per voice call (per recipient) */
	call: number;
	viber: number;
	whatsapp: number;
	mail: number;
	/** Telegram code (`tgm`) and Telegram bot (`bot`) messages */
	tgm: number;
	bot: number;
	soc: number;
	mms: number;
	/** charged when the subscriber's call for wait_call.php arrives */
	wait_call: number;
}

export const DEFAULT_PRICES: Prices = {
	sms: 2.5,
	hlr: 0.5,
	ping: 0.5,
	call: 4,
	viber: 1.5,
	whatsapp: 1.5,
	mail: 0.1,
	tgm: 1.5,
	bot: 0.5,
	soc: 2,
	mms: 10,
	wait_call: 0.5,
};

/** What happens to messages sent to one phone (the delivery simulation). */
export interface PhoneOutcome {
	/** final status: 1 delivered (default), 2 read, 3 expired, 20, 22, 23, 24, 25 ... */
	status: number;
	/** `err` code reported with the status (0 none, 1, 6, 11, 13, 245, 249, 252, 253, 254, 255 ...) */
	err?: number;
	/** ms from passing to the operator (status 0) to the final status; default: account delays */
	delayMs?: number;
}

export interface HlrResult {
	imsi: string;
	msc: string;
	mcc: string;
	mnc: string;
	cn: string;
	net: string;
	rcn: string;
	rnet: string;
}

/** Message type codes as SMSC reports them in status.php (`type`). */
export const MESSAGE_TYPES: Record<string, number> = {
	sms: 0,
	flash: 1,
	bin: 2,
	push: 3,
	hlr: 4,
	ping: 5,
	mms: 6,
	call: 7,
	mail: 8,
	viber: 10,
	soc: 12,
	whatsapp: 13,
	tgm: 14,
	bot: 15,
};

export interface MessageRecord {
	/** global, increasing: the `int_id` used by get.php paging (prev_id) */
	intId: number;
	/** the request's message id (server-assigned number or the client's `id`) */
	id: string | number;
	phone: string;
	channel: string;
	type: number;
	text: string;
	comment: string;
	sender: string;
	parts: number;
	cost: number;
	status: number;
	err: number;
	createdAt: number;
	sendAt: number;
	lastAt: number;
	mccmnc: string;
	country: string;
	operator: string;
	region: string;
	/** channel flags and options exactly as received (flash, viber, bot, call, voice, param, subj ...) */
	options: Record<string, string>;
	/** files sent with the request (multipart parts, or the `fileurl` download) */
	files: SentFile[];
	/** e-mail and MMS subject (an MMS without `subj` gets the sender name) */
	subject?: string;
	/** voice calls: the `param` values SMSC uses (one wrong value → every default) */
	callParams?: CallParams;
	hlr?: HlrResult;
	deleted: boolean;
}

/** A file sent with a message: a multipart part of the request, or what `fileurl` pointed at. */
export interface SentFile {
	/** multipart field name, or 'fileurl' */
	field: string;
	filename: string;
	contentType: string;
	size: number;
	/** sha256 of the bytes, hex */
	sha256: string;
	url?: string;
}

/**
 * Voice call `param` "w,i,n" as SMSC applies it (Відправка SMS-повідомлення, `param`): w wait for
 * pick-up 10..35 s, i retry interval s (≥10), n attempts 1..9; `defaults` when SMSC fell back to
 * its own values (n=8, w=25, i rising from 3 to 14 s) because one value was wrong or none was given.
 */
export interface CallParams {
	wait: number;
	/** seconds; null = SMSC's rising 3..14 s default */
	interval: number | null;
	attempts: number;
	defaults: boolean;
}

export interface Contact {
	intId: number;
	phones: string[];
	name: string;
	groups: Set<number>;
	fnm: string;
	lnm: string;
	mnm: string;
	bd: string;
	myid: string;
	cmt: string;
	tags: string;
	pho: string;
}

export interface Group {
	id: number;
	name: string;
	num: number;
	type: number;
	members: Set<number>;
}

export interface BlackRecord {
	id: number;
	phone: string;
	type: number;
	comment: string;
}

export interface SenderName {
	id: number;
	sender: string;
	cmt: string;
	/** 0 pending moderation / confirmation, 1 active, 2 rejected */
	status: number;
	mail: boolean;
	name: string;
	/** operator registration flags received with `add` (mts_step, tele2 ...) → status 0 pending / 1 registered */
	operators: Record<string, number>;
	fields: Record<string, string>;
	/** documents for the operators sent with add/chg ("jpg, tif, pdf, png, zip, rar", ≤ 3 MB), listed by get files=1 */
	documents?: Array<{ file: string; fid: number; fstatus: number; fcomment: string }>;
	code?: string;
	createdAt: number;
	changedAt: number;
}

export interface IncomingMessage {
	id: number;
	phone: string;
	mes: string;
	to: string;
	sent: number;
	received: number;
}

export interface WaitCall {
	phone: string;
	to: string;
	createdAt: number;
	expiresAt: number;
}

export interface AccountOptions {
	login: string;
	psw?: string;
	apikey?: string;
	balance?: number;
	currency?: string;
	prices?: Partial<Prices>;
	/** handler URL for callbacks ("User settings" on the real site) */
	handlerUrl?: string | null;
	/** HTTP method for callbacks: POST (default) or GET (fields in the query string) */
	handlerMethod?: 'POST' | 'GET';
	/** which status changes are called back: 'final' (default), 'all' (also 0 = passed to operator), 'none' */
	statusCallbacks?: 'final' | 'all' | 'none';
	/** virtual sending (test mode): messages cost nothing and end with err=200 */
	testMode?: boolean;
	/** numbers offered by wait_call.php */
	waitCallNumbers?: string[];
	/** if set, a wait_call is completed automatically (the subscriber "calls") after this many ms */
	waitCallAutoMs?: number | null;
	/** delivery outcomes per phone, as setPhoneOutcomes: {"79990000002": {status: 20, err: 1}} */
	outcomes?: Record<string, PhoneOutcome>;
	/** sender names (and e-mail sender addresses) registered and active from the start */
	senders?: string[];
	/** the account's time zone, hours from Moscow, used when a send has no `tz` (default 0) */
	tz?: number;
	/** phones.php/mails.php `get` includes `int_id` in each contact (default true; the page's fmt=3 shape has none) */
	contactIntId?: boolean;
	/** messages a day allowed per `userip` ("Limits and restrictions"); null/absent = no limit */
	ipDailyLimit?: number | null;
	/** status.php list answers: in request order (default), or 'reordered' (reversed, unknown pairs left out) */
	statusListOrder?: 'request' | 'reordered';
	/**
	 * Answers SMSC's pages do not show: 'guess' (default) answers in the shape the emulator and the
	 * node assume; 'other' in another plausible one, so tests prove the node does not depend on the
	 * guess: status.php list entries without `id` and `phone`, send.php `err=1` refused numbers under
	 * `errors` instead of `phones`, senders.php `add` answering `{"result": "OK"}` without an id.
	 */
	guessedShapes?: 'guess' | 'other';
	/** the login of the main account this one is a sub-client of (senders.php `user`) */
	parent?: string;
}

/**
 * One address book: contacts, groups and blacklist. phones.php works on the account's own book
 * (phone numbers); mails.php on a second one for e-mail addresses (Управление контактами: "the
 * format of requests is the same as for phones.php"). That the two books are separate, groups
 * included, is a guess: the page does not say.
 */
export class AddressBook {
	nextContactId = 1;
	contacts = new Map<number, Contact>();
	/** live contact ids in ascending order (for after_id paging) */
	contactOrder: number[] = [];
	/** normalised phone (or lower-case e-mail) → contact id */
	contactByPhone = new Map<string, number>();

	nextGroupId = 1;
	groups = new Map<number, Group>();

	nextBlackId = 1;
	black = new Map<string, BlackRecord>();

	contactsOfGroup(g: Group): Contact[] {
		const out: Contact[] = [];
		for (const cid of g.members) {
			const c = this.contacts.get(cid);
			if (c) out.push(c);
		}
		return out;
	}

	/** `G<n>` recipient: the group whose `num` is n, or else whose id is n. */
	findGroupByNum(n: number): Group | undefined {
		let byId: Group | undefined;
		for (const g of this.groups.values()) {
			if (g.num === n) return g;
			if (g.id === n) byId = g;
		}
		return byId;
	}

	removeContact(c: Contact): void {
		this.contacts.delete(c.intId);
		for (const p of c.phones)
			if (this.contactByPhone.get(p) === c.intId) this.contactByPhone.delete(p);
		for (const gid of c.groups) this.groups.get(gid)?.members.delete(c.intId);
		const i = lowerBound(this.contactOrder, c.intId);
		if (this.contactOrder[i] === c.intId) this.contactOrder.splice(i, 1);
	}
}

export class Account extends AddressBook {
	login: string;
	psw: string;
	apikey: string;
	balance: number;
	currency: string;
	prices: Prices;
	handlerUrl: string | null;
	handlerMethod: 'POST' | 'GET';
	statusCallbacks: 'final' | 'all' | 'none';
	testMode: boolean;
	waitCallNumbers: string[];
	waitCallAutoMs: number | null;
	outcomes = new Map<string, PhoneOutcome>();
	hlrResults = new Map<string, Partial<HlrResult>>();

	nextMessageId = 1;
	/** (id, phone) → latest record */
	messages = new Map<string, MessageRecord>();
	/** every record in send order (intId ascending) */
	history: MessageRecord[] = [];
	byPhone = new Map<string, MessageRecord[]>();
	accepted = 0;

	/** the e-mail address book of mails.php */
	mailBook = new AddressBook();
	/** time zone (hours from Moscow) SMSC uses when a request has no `tz` ("account settings") */
	tz: number;
	/** phones.php / mails.php `get` answers carry `int_id` (a guess; false = the page's fmt=3 shape) */
	contactIntId: boolean;
	/** "Limits and restrictions": messages a day per `userip`; null = no limit */
	ipDailyLimit: number | null;
	statusListOrder: 'request' | 'reordered';
	guessedShapes: 'guess' | 'other';
	parent: string | null;
	/** accepted recipient messages per userip per Moscow day ("userip day" → count) */
	ipCounts = new Map<string, number>();
	/** per recipient: when the last message went and how many went in a row less than 60 s apart (flood rule) */
	floodChains = new Map<string, { last: number; count: number }>();

	nextSenderId = 1;
	senders = new Map<number, SenderName>();
	senderByName = new Map<string, number>();

	incoming: IncomingMessage[] = [];
	waitCalls = new Map<string, WaitCall>();
	waitCallCursor = 0;

	constructor(o: AccountOptions) {
		super();
		this.login = o.login;
		this.psw = o.psw ?? '';
		this.apikey = o.apikey ?? '';
		this.balance = o.balance ?? 1000;
		this.currency = o.currency ?? 'RUR';
		this.prices = { ...DEFAULT_PRICES, ...(o.prices ?? {}) };
		this.handlerUrl = o.handlerUrl ?? null;
		this.handlerMethod = o.handlerMethod ?? 'POST';
		this.statusCallbacks = o.statusCallbacks ?? 'final';
		this.testMode = !!o.testMode;
		this.waitCallNumbers = o.waitCallNumbers ?? ['74950000101', '74950000102', '74950000103'];
		this.waitCallAutoMs = o.waitCallAutoMs ?? null;
		for (const [phone, out] of Object.entries(o.outcomes ?? {}))
			this.outcomes.set(phone.replace(/\D/g, ''), { err: 0, ...out });
		this.tz = o.tz ?? 0;
		this.contactIntId = o.contactIntId ?? true;
		this.ipDailyLimit = o.ipDailyLimit ?? null;
		this.statusListOrder = o.statusListOrder ?? 'request';
		this.guessedShapes = o.guessedShapes ?? 'guess';
		this.parent = o.parent ?? null;
		for (const name of o.senders ?? []) this.registerSender(name, 0);
	}

	/** An active sender name (or e-mail sender address) registered without moderation, for setup. */
	registerSender(name: string, now: number): SenderName {
		const existing = this.findSender(name);
		if (existing) {
			existing.status = 1;
			return existing;
		}
		const mail = name.includes('@');
		const s: SenderName = {
			id: this.nextSenderId++,
			sender: name,
			cmt: '',
			status: 1,
			mail,
			name: '',
			operators: {},
			fields: {},
			createdAt: now,
			changedAt: now,
		};
		this.senders.set(s.id, s);
		this.senderByName.set(name.toLowerCase(), s.id);
		return s;
	}

	findSender(name: string): SenderName | undefined {
		const id = this.senderByName.get(name.toLowerCase());
		return id !== undefined ? this.senders.get(id) : undefined;
	}

	/** SMSC sends only from names registered in the account and approved (Відправка SMS-повідомлення, `sender`; error 6). */
	canSendAs(name: string): boolean {
		return this.findSender(name)?.status === 1;
	}

	static key(id: string | number, phone: string): string {
		return `${id}\u0000${phone}`;
	}

	addMessage(m: MessageRecord): void {
		this.messages.set(Account.key(m.id, m.phone), m);
		this.history.push(m);
		let list = this.byPhone.get(m.phone);
		if (!list) this.byPhone.set(m.phone, (list = []));
		list.push(m);
	}

	findMessage(id: string | number, phone: string): MessageRecord | undefined {
		const m = this.messages.get(Account.key(id, phone));
		return m && !m.deleted ? m : undefined;
	}

	deleteMessage(m: MessageRecord): void {
		m.deleted = true;
		this.messages.delete(Account.key(m.id, m.phone));
	}
}

/** First index whose value is >= x in an ascending array. */
export function lowerBound(arr: number[], x: number): number {
	let lo = 0;
	let hi = arr.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (arr[mid] < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** First index whose key is >= x in an array sorted ascending by key. */
export function lowerBoundBy<T>(arr: T[], x: number, key: (t: T) => number): number {
	let lo = 0;
	let hi = arr.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (key(arr[mid]) < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Money as SMSC prints it: two decimals. */
export function money(n: number): string {
	return (Math.round(n * 100) / 100).toFixed(2);
}

export function round4(n: number): number {
	return Math.round(n * 10000) / 10000;
}
