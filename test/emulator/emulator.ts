/**
 * The emulator core: accounts, clock, delivery simulation, callbacks, limits, failure injection,
 * request log and stats. `server.ts` feeds it HTTP requests; `control.ts` exposes the public
 * methods below over HTTP under /__emulator/. Every public method takes at most one plain-object
 * argument and returns JSON-serialisable data, so the two APIs are the same.
 */
import { createHash } from 'node:crypto';
import { Clock } from './clock';
import {
	CallbackSender,
	DEFAULT_CALLBACK_POLICY,
	type CallbackPolicy,
	type CallbackRecord,
	type CallbackKind,
	type DeliverOptions,
} from './callbacks';
import { hlrFields } from './codec';
import { formatDate } from './time';
import { numberInfo } from './sms';
import {
	Account,
	money,
	type AccountOptions,
	type HlrResult,
	type MessageRecord,
	type PhoneOutcome,
	type Prices,
	type IncomingMessage,
} from './state';

export interface DuplicateLimits {
	/** identical send.php requests allowed per minute (the next one gets error 9) */
	send: number;
	/** identical send.php cost=1 requests per minute */
	cost: number;
	phones: number;
	wait_call: number;
	balance: number;
}
export const DEFAULT_DUPLICATE_LIMITS: DuplicateLimits = {
	send: 1,
	cost: 5,
	phones: 3,
	wait_call: 50,
	balance: 10,
};

export interface DeliveryDelays {
	/** ms from the send time to status 0 (passed to operator) */
	toOperator: number;
	/** ms from status 0 to the final status */
	final: number;
}

export type FailureMode = 'drop' | '5xx' | 'slow' | 'html' | 'garbage' | 'echo';
export interface FailureRule {
	mode: FailureMode;
	/** requests left to affect */
	remaining: number;
	/** HTTP status for 5xx (500 default, or 503) and html (502 default) */
	status?: number;
	/** delay for slow (ms) */
	ms?: number;
	/** what garbage answers (default: JSON cut off in the middle) */
	body?: string;
	/** only requests to this script (send, status, balance, phones, senders, wait_call, get) */
	script?: string;
}

export interface LogEntry {
	seq: number;
	script: string;
	method: string;
	path: string;
	login: string | null;
	/** merged query + body parameters, psw/apikey redacted */
	params: Record<string, string>;
	httpStatus: number;
	response: string;
	errorCode: number | null;
	/** injected failure applied to this request, if any */
	failure: FailureMode | null;
	startedAt: number;
	finishedAt: number;
	durationMs: number;
	/** emulator clock when the request was handled */
	emulatorTime: number;
}

export interface EmulatorOptions {
	/** 0 (default) = a random free port */
	port?: number;
	host?: string;
	/** accounts to create at start; the demo account is always added unless demoAccount is false */
	accounts?: AccountOptions[];
	demoAccount?: boolean;
	/** fixed latency added to every SMSC request (not /__emulator), ms */
	latencyMs?: number;
	/** freeze the clock: time only moves with advanceClock() */
	manualClock?: boolean;
	/** start time of the emulator clock (epoch ms) */
	clockStart?: number;
	deliveryDelays?: Partial<DeliveryDelays>;
	/** in-flight requests allowed per login (the next one gets error 9), default 14 */
	maxConcurrent?: number;
	/** false disables duplicate detection */
	duplicateLimits?: Partial<DuplicateLimits> | false;
	callbackPolicy?: Partial<CallbackPolicy>;
	/** request log ring-buffer size, default 20000 */
	logCap?: number;
}

/** The demo account; its registered sender names are the ones the README, examples and e2e use. */
export const DEMO_ACCOUNT: AccountOptions = {
	login: 'demo',
	psw: 'demo-password',
	apikey: 'demo-api-key',
	balance: 1000,
	senders: ['SMSC', 'SHOP', 'MyShop', 'ivan', 'shop@example.com'],
};

export interface Stats {
	requests: number;
	inFlight: number;
	maxInFlight: number;
	maxInFlightPerLogin: number;
	openConnections: number;
	maxConnections: number;
	error9: number;
	error9Concurrent: number;
	error9Duplicate: number;
	/** recipient messages accepted by send.php (not cost=1) */
	messagesAccepted: number;
	/** send.php requests that created messages */
	sendRequestsAccepted: number;
	failuresInjected: number;
	byScript: Record<string, number>;
	/** callbacks waiting or in flight in the automatic queue */
	callbacksQueued: number;
	/** callbacks (all kinds) answered 200 / given up, since start */
	callbacksOk: number;
	callbacksFailed: number;
}

function emptyStats(): Stats {
	return {
		requests: 0,
		inFlight: 0,
		maxInFlight: 0,
		maxInFlightPerLogin: 0,
		openConnections: 0,
		maxConnections: 0,
		error9: 0,
		error9Concurrent: 0,
		error9Duplicate: 0,
		messagesAccepted: 0,
		sendRequestsAccepted: 0,
		failuresInjected: 0,
		byScript: {},
		callbacksQueued: 0,
		callbacksOk: 0,
		callbacksFailed: 0,
	};
}

export interface AccountInfo {
	login: string;
	apikey: string;
	balance: string;
	currency: string;
	prices: Prices;
	handlerUrl: string | null;
	handlerMethod: 'GET' | 'POST';
	statusCallbacks: 'final' | 'all' | 'none';
	testMode: boolean;
	messages: number;
	contacts: number;
	groups: number;
	blacklist: number;
	senders: number;
	incoming: number;
	waitCalls: number;
}

/** A message as the control API shows it: money as SMSC writes it, operator details left out. */
export type MessageInfo = Omit<MessageRecord, 'cost' | 'country' | 'operator' | 'region'> & {
	cost: string;
};

class DupTracker {
	private map = new Map<string, number[]>();
	private lastSweep = 0;
	count(key: string, now: number): number {
		const arr = this.map.get(key);
		if (!arr) return 0;
		let i = 0;
		while (i < arr.length && arr[i] <= now - 60_000) i++;
		if (i > 0) arr.splice(0, i);
		if (arr.length === 0) this.map.delete(key);
		return arr.length;
	}
	record(key: string, now: number): void {
		let arr = this.map.get(key);
		if (!arr) this.map.set(key, (arr = []));
		arr.push(now);
		if (now - this.lastSweep > 60_000) {
			this.lastSweep = now;
			for (const [k, a] of this.map) if (a[a.length - 1] <= now - 60_000) this.map.delete(k);
		}
	}
	clear(): void {
		this.map.clear();
	}
}

const REDACT = new Set(['psw', 'apikey', 'password']);

export class Emulator {
	/** e.g. http://127.0.0.1:PORT (set once listening) */
	url = '';
	readonly clock: Clock;
	readonly callbacks: CallbackSender;
	accounts = new Map<string, Account>();
	private apikeys = new Map<string, string>();
	latencyMs: number;
	scriptLatency: Record<string, number> = {};
	maxConcurrent: number;
	duplicateLimits: DuplicateLimits | false;
	deliveryDelays: DeliveryDelays;
	failures: FailureRule[] = [];
	stats: Stats = emptyStats();
	inFlightByLogin = new Map<string, number>();
	readonly dup = new DupTracker();
	private log: LogEntry[] = [];
	private logSeq = 0;
	private logCap: number;
	private intIdSeq = 0;
	private incomingSeq = 0;
	private initial: EmulatorOptions;
	private callbackBase = { ok: 0, failed: 0 };

	constructor(opts: EmulatorOptions = {}) {
		this.initial = opts;
		this.clock = new Clock({ manual: opts.manualClock, start: opts.clockStart });
		this.callbacks = new CallbackSender(opts.callbackPolicy);
		this.latencyMs = opts.latencyMs ?? 0;
		this.maxConcurrent = opts.maxConcurrent ?? 14;
		this.duplicateLimits =
			opts.duplicateLimits === false
				? false
				: { ...DEFAULT_DUPLICATE_LIMITS, ...(opts.duplicateLimits ?? {}) };
		this.deliveryDelays = { toOperator: 50, final: 200, ...(opts.deliveryDelays ?? {}) };
		this.logCap = opts.logCap ?? 20_000;
		this.seedAccounts();
	}

	private seedAccounts(): void {
		if (this.initial.demoAccount !== false) this.createAccount(DEMO_ACCOUNT);
		for (const a of this.initial.accounts ?? []) this.createAccount(a);
	}

	// ───────────────────────────── accounts ─────────────────────────────

	/** Create (or replace) an account. Defaults: balance 1000, currency RUR, sms price 2.5. */
	createAccount(o: AccountOptions): AccountInfo {
		if (!o || !o.login) throw new Error('createAccount: login is required');
		const old = this.accounts.get(o.login);
		if (old?.apikey) this.apikeys.delete(old.apikey);
		const acc = new Account(o);
		this.accounts.set(acc.login, acc);
		if (acc.apikey) this.apikeys.set(acc.apikey, acc.login);
		return this.info(acc);
	}

	/** Change account settings: balance, psw, apikey, prices (merged), handlerUrl, handlerMethod, statusCallbacks, testMode, waitCallNumbers, waitCallAutoMs, currency, tz, contactIntId, ipDailyLimit; `senders` are registered (active) in addition. */
	updateAccount(o: Partial<AccountOptions> & { login: string }): AccountInfo {
		const acc = this.mustAccount(o.login);
		if (o.psw !== undefined) acc.psw = o.psw;
		if (o.apikey !== undefined) {
			if (acc.apikey) this.apikeys.delete(acc.apikey);
			acc.apikey = o.apikey;
			if (o.apikey) this.apikeys.set(o.apikey, acc.login);
		}
		if (o.balance !== undefined) acc.balance = Number(o.balance);
		if (o.currency !== undefined) acc.currency = o.currency;
		if (o.prices) acc.prices = { ...acc.prices, ...o.prices };
		if (o.handlerUrl !== undefined) acc.handlerUrl = o.handlerUrl || null;
		if (o.handlerMethod !== undefined)
			acc.handlerMethod = o.handlerMethod === 'GET' ? 'GET' : 'POST';
		if (o.statusCallbacks !== undefined) acc.statusCallbacks = o.statusCallbacks;
		if (o.testMode !== undefined) acc.testMode = !!o.testMode;
		if (o.waitCallNumbers !== undefined) acc.waitCallNumbers = o.waitCallNumbers;
		if (o.waitCallAutoMs !== undefined) acc.waitCallAutoMs = o.waitCallAutoMs;
		if (o.tz !== undefined) acc.tz = Number(o.tz);
		if (o.contactIntId !== undefined) acc.contactIntId = !!o.contactIntId;
		if (o.statusListOrder !== undefined) acc.statusListOrder = o.statusListOrder;
		if (o.guessedShapes !== undefined) acc.guessedShapes = o.guessedShapes;
		if (o.parent !== undefined) acc.parent = o.parent;
		if (o.ipDailyLimit !== undefined)
			acc.ipDailyLimit = o.ipDailyLimit === null ? null : Number(o.ipDailyLimit);
		for (const name of o.senders ?? []) acc.registerSender(name, this.clock.now());
		return this.info(acc);
	}

	getAccount(o: { login: string }): AccountInfo {
		return this.info(this.mustAccount(o.login));
	}

	listAccounts(): AccountInfo[] {
		return [...this.accounts.values()].map((a) => this.info(a));
	}

	deleteAccount(o: { login: string }): { result: 'OK' } {
		const acc = this.mustAccount(o.login);
		if (acc.apikey) this.apikeys.delete(acc.apikey);
		this.accounts.delete(o.login);
		return { result: 'OK' };
	}

	setBalance(o: { login: string; balance: number }): AccountInfo {
		return this.updateAccount({ login: o.login, balance: o.balance });
	}

	setPrices(o: { login: string; prices: Partial<Prices> }): AccountInfo {
		return this.updateAccount({ login: o.login, prices: o.prices });
	}

	setHandlerUrl(o: {
		login: string;
		url: string | null;
		method?: 'GET' | 'POST';
		statusCallbacks?: 'final' | 'all' | 'none';
	}): AccountInfo {
		return this.updateAccount({
			login: o.login,
			handlerUrl: o.url,
			handlerMethod: o.method,
			statusCallbacks: o.statusCallbacks,
		});
	}

	/** Make messages to `phone` end with this status/err (e.g. {status: 20, err: 1}); status 1 + err 0 restores. */
	setPhoneOutcome(o: {
		login: string;
		phone: string;
		status: number;
		err?: number;
		delayMs?: number;
	}): { result: 'OK' } {
		const acc = this.mustAccount(o.login);
		const phone = String(o.phone).replace(/\D/g, '');
		acc.outcomes.set(phone, { status: Number(o.status), err: o.err ?? 0, delayMs: o.delayMs });
		return { result: 'OK' };
	}

	/** Set several outcomes at once: {login, outcomes: {phone: {status, err}}}; `replace: true` drops the old map. */
	setPhoneOutcomes(o: {
		login: string;
		outcomes: Record<string, PhoneOutcome>;
		replace?: boolean;
	}): { result: 'OK'; count: number } {
		const acc = this.mustAccount(o.login);
		if (o.replace) acc.outcomes.clear();
		for (const [p, out] of Object.entries(o.outcomes ?? {}))
			acc.outcomes.set(p.replace(/\D/g, ''), { err: 0, ...out });
		return { result: 'OK', count: acc.outcomes.size };
	}

	/** Override the HLR answer for one phone (fields of the HLR result line, SMPP page "Отправка HLR-запроса"). */
	setHlrResult(o: { login: string; phone: string } & Partial<HlrResult>): { result: 'OK' } {
		const acc = this.mustAccount(o.login);
		const { login: _l, phone, ...rest } = o;
		acc.hlrResults.set(String(phone).replace(/\D/g, ''), rest);
		return { result: 'OK' };
	}

	/** Sent messages of an account (all, or by id and/or phone); newest last. */
	getMessages(o: {
		login: string;
		id?: string | number;
		phone?: string;
		limit?: number;
	}): MessageInfo[] {
		const acc = this.mustAccount(o.login);
		let list: MessageRecord[];
		if (o.phone) list = acc.byPhone.get(String(o.phone).replace(/\D/g, '')) ?? [];
		else list = acc.history;
		if (o.id !== undefined && o.id !== null && o.id !== '')
			list = list.filter((m) => String(m.id) === String(o.id));
		if (o.limit !== undefined) list = list.slice(-o.limit);
		return list.map((m) => this.messageInfo(m));
	}

	/** Incoming messages (get.php get_answers data) of an account. */
	getIncoming(o: { login: string }): IncomingMessage[] {
		return [...this.mustAccount(o.login).incoming];
	}

	/** The confirmation code sent by senders.php send_code (so a test can call check_code). */
	getSenderCode(o: { login: string; sender: string }): { code: string | null } {
		const acc = this.mustAccount(o.login);
		const id = acc.senderByName.get(String(o.sender).toLowerCase());
		return { code: (id !== undefined && acc.senders.get(id)?.code) || null };
	}

	/** Moderate a sender name: status 0 pending, 1 active, 2 rejected. */
	setSenderStatus(o: { login: string; sender: string; status: number }): { result: 'OK' } {
		const acc = this.mustAccount(o.login);
		const id = acc.senderByName.get(String(o.sender).toLowerCase());
		const s = id !== undefined ? acc.senders.get(id) : undefined;
		if (!s) throw new Error(`sender ${o.sender} not found`);
		s.status = Number(o.status);
		s.changedAt = this.clock.now();
		return { result: 'OK' };
	}

	// ───────────────────────────── incoming / wait_call ─────────────────────────────

	/** An SMS arrives from `phone` to `to` (default: the account's first wait_call number). Calls the handler. */
	injectIncoming(o: { login: string; phone: string; mes: string; to?: string; sent?: number }): {
		id: number;
	} {
		const acc = this.mustAccount(o.login);
		const now = this.clock.now();
		const msg: IncomingMessage = {
			id: ++this.incomingSeq + 100_000,
			phone: String(o.phone).replace(/\D/g, ''),
			mes: o.mes ?? '',
			to: String(o.to ?? acc.waitCallNumbers[0] ?? '').replace(/\D/g, ''),
			sent: o.sent !== undefined ? (o.sent < 1e11 ? o.sent * 1000 : o.sent) : now,
			received: now,
		};
		acc.incoming.push(msg);
		if (acc.handlerUrl) {
			const fields = {
				id: String(msg.id),
				phone: msg.phone,
				mes: msg.mes,
				to: msg.to,
				sent: String(Math.floor(msg.sent / 1000)),
				time: String(Math.floor(msg.received / 1000)),
				smsc_time: String(Math.floor(msg.received / 1000)),
			};
			this.queueCallback(acc, msg.mes === '[waitcall]' ? 'waitcall' : 'incoming', fields);
		}
		return { id: msg.id };
	}

	/** The subscriber `phone` makes the confirmation call requested by wait_call.php. */
	completeWaitCall(o: { login: string; phone: string }): { id: number; phone: string; to: string } {
		const acc = this.mustAccount(o.login);
		const phone = String(o.phone).replace(/\D/g, '');
		const wc = acc.waitCalls.get(phone);
		if (!wc) throw new Error(`no pending wait_call for ${phone}`);
		acc.waitCalls.delete(phone);
		acc.balance =
			Math.round((acc.balance - (acc.testMode ? 0 : acc.prices.wait_call)) * 10000) / 10000;
		const { id } = this.injectIncoming({ login: acc.login, phone, mes: '[waitcall]', to: wc.to });
		return { id, phone, to: wc.to };
	}

	/** Pending wait_call requests of an account. */
	getWaitCalls(o: { login: string }): Array<{ phone: string; to: string; expiresAt: number }> {
		const acc = this.mustAccount(o.login);
		return [...acc.waitCalls.values()].map((w) => ({
			phone: w.phone,
			to: w.to,
			expiresAt: w.expiresAt,
		}));
	}

	// ───────────────────────────── clock ─────────────────────────────

	now(): { now: number; date: string; manual: boolean } {
		const now = this.clock.now();
		return { now, date: formatDate(now), manual: this.clock.isManual() };
	}

	/** Move the emulator clock forward; due status changes and callbacks happen now. */
	advanceClock(o: { ms: number }): { now: number; date: string; manual: boolean } {
		this.clock.advance(Number(o.ms));
		return this.now();
	}

	setManualClock(o: { manual: boolean }): { now: number; date: string; manual: boolean } {
		this.clock.setManual(!!o.manual);
		return this.now();
	}

	setDeliveryDelays(o: Partial<DeliveryDelays>): DeliveryDelays {
		if (o.toOperator !== undefined) this.deliveryDelays.toOperator = Number(o.toOperator);
		if (o.final !== undefined) this.deliveryDelays.final = Number(o.final);
		return { ...this.deliveryDelays };
	}

	// ───────────────────────────── load shaping ─────────────────────────────

	/** Fixed latency (ms) for every SMSC request, or for one script only. */
	setLatency(o: { ms: number; script?: string }): {
		ms: number;
		perScript: Record<string, number>;
	} {
		if (o.script) this.scriptLatency[o.script] = Number(o.ms);
		else this.latencyMs = Number(o.ms);
		return { ms: this.latencyMs, perScript: { ...this.scriptLatency } };
	}

	/** Make the next `count` SMSC requests (of `script`, if given) fail: drop | 5xx | slow | html | garbage | echo. */
	failNext(o: {
		count?: number;
		mode: FailureMode;
		status?: number;
		ms?: number;
		body?: string;
		script?: string;
	}): { pending: FailureRule[] } {
		if (!['drop', '5xx', 'slow', 'html', 'garbage', 'echo'].includes(o.mode))
			throw new Error(`failNext: unknown mode ${o.mode}`);
		this.failures.push({
			mode: o.mode,
			remaining: o.count ?? 1,
			status: o.status,
			ms: o.ms,
			body: o.body,
			script: o.script,
		});
		return { pending: this.failures.map((f) => ({ ...f })) };
	}

	clearFailures(): { result: 'OK' } {
		this.failures = [];
		return { result: 'OK' };
	}

	/** Change duplicate limits ({send, cost, phones, wait_call, balance}), disable them (`enabled: false`) or the concurrency cap. */
	setLimits(o: Partial<DuplicateLimits> & { enabled?: boolean; maxConcurrent?: number }): {
		duplicateLimits: DuplicateLimits | false;
		maxConcurrent: number;
	} {
		const { enabled, maxConcurrent, ...lim } = o;
		if (enabled === false) this.duplicateLimits = false;
		else if (enabled === true || Object.keys(lim).length > 0)
			this.duplicateLimits = { ...(this.duplicateLimits || DEFAULT_DUPLICATE_LIMITS), ...lim };
		if (maxConcurrent !== undefined) this.maxConcurrent = Number(maxConcurrent);
		return { duplicateLimits: this.duplicateLimits, maxConcurrent: this.maxConcurrent };
	}

	/** Forget the duplicate-request history (as if a minute had passed). */
	resetLimits(): { result: 'OK' } {
		this.dup.clear();
		return { result: 'OK' };
	}

	// ───────────────────────────── log and stats ─────────────────────────────

	getLog(o: { since?: number; script?: string; login?: string; limit?: number } = {}): LogEntry[] {
		let out = this.log;
		if (o.since !== undefined) out = out.filter((e) => e.seq > Number(o.since));
		if (o.script) out = out.filter((e) => e.script === o.script);
		if (o.login) out = out.filter((e) => e.login === o.login);
		if (o.limit !== undefined) out = out.slice(-Number(o.limit));
		return out;
	}

	resetLog(): { result: 'OK' } {
		this.log = [];
		return { result: 'OK' };
	}

	getStats(): Stats {
		return {
			...this.stats,
			byScript: { ...this.stats.byScript },
			callbacksQueued: this.callbacks.pendingCount(),
			callbacksOk: this.callbacks.okCount - this.callbackBase.ok,
			callbacksFailed: this.callbacks.failedCount - this.callbackBase.failed,
		};
	}

	resetStats(): Stats {
		const keep = { inFlight: this.stats.inFlight, openConnections: this.stats.openConnections };
		this.stats = {
			...emptyStats(),
			...keep,
			maxInFlight: keep.inFlight,
			maxConnections: keep.openConnections,
		};
		this.callbackBase = { ok: this.callbacks.okCount, failed: this.callbacks.failedCount };
		return this.getStats();
	}

	// ───────────────────────────── callbacks ─────────────────────────────

	getCallbacks(o: { since?: number; kind?: string; limit?: number } = {}): CallbackRecord[] {
		return this.callbacks.getLog(o);
	}

	resetCallbacks(): { result: 'OK' } {
		this.callbacks.resetLog();
		return { result: 'OK' };
	}

	/** Resolves when every queued callback has been delivered (or has given up). */
	async waitForCallbacks(): Promise<{ result: 'OK' }> {
		await this.callbacks.idle();
		return { result: 'OK' };
	}

	setCallbackPolicy(o: Partial<CallbackPolicy>): CallbackPolicy {
		Object.assign(this.callbacks.policy, o);
		return { ...this.callbacks.policy };
	}

	/**
	 * Load test: send `count` synthetic status callbacks (kind 'status', or 'incoming') to `url`
	 * (default: the account's handler URL) with at most `concurrency` in flight.
	 */
	async fireCallbacks(o: {
		login?: string;
		url?: string;
		count: number;
		concurrency?: number;
		kind?: 'status' | 'incoming';
		method?: 'GET' | 'POST';
		retries?: number;
		fields?: Record<string, string>;
	}): Promise<{
		count: number;
		ok: number;
		failed: number;
		durationMs: number;
		maxInFlight: number;
		attempts: number;
	}> {
		const acc = o.login ? this.mustAccount(o.login) : this.accounts.get('demo');
		const url = o.url ?? acc?.handlerUrl;
		if (!url) throw new Error('fireCallbacks: no url and no handler URL on the account');
		const count = Number(o.count);
		const concurrency = Math.max(1, Number(o.concurrency ?? 16));
		const started = Date.now();
		let next = 0;
		let ok = 0;
		let failed = 0;
		let inFlight = 0;
		let maxInFlight = 0;
		let attempts = 0;
		const now = Math.floor(this.clock.now() / 1000);
		const worker = async () => {
			while (next < count) {
				const i = next++;
				const phone = String(79000000000 + i);
				const fields: Record<string, string> =
					o.kind === 'incoming'
						? {
								id: String(900_000 + i),
								phone,
								mes: `load ${i}`,
								to: acc?.waitCallNumbers[0] ?? '74950000101',
								sent: String(now),
								time: String(now),
								smsc_time: String(now),
							}
						: {
								id: String(900_000 + i),
								phone,
								status: '1',
								err: '0',
								time: String(now),
								ts: formatDate(now * 1000),
								cnt: '1',
								cost: '2.50',
								sender: 'SMSC',
								type: '0',
								mccmnc: numberInfo(phone).mccmnc,
							};
				Object.assign(fields, o.fields ?? {});
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				const rec = await this.callbacks.deliver('load', url, fields, {
					method: o.method,
					retries: o.retries,
					login: acc?.login ?? null,
				});
				inFlight--;
				attempts += rec.attempts;
				if (rec.ok) ok++;
				else failed++;
			}
		};
		await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
		return { count, ok, failed, durationMs: Date.now() - started, maxInFlight, attempts };
	}

	/** Send one callback with arbitrary fields to an arbitrary URL (spoofing tests). Not retried unless `retries` is given. */
	async forgeCallback(
		o: { url: string; fields?: Record<string, string> } & Omit<DeliverOptions, 'login'>,
	): Promise<CallbackRecord> {
		return this.callbacks.deliver('forged', o.url, o.fields ?? {}, {
			method: o.method,
			format: o.format,
			charset: o.charset,
			headers: o.headers,
			rawBody: o.rawBody,
			retries: o.retries ?? 0,
		});
	}

	// ───────────────────────────── reset ─────────────────────────────

	/**
	 * Back to the start state: only the initial accounts; empty request and callback logs, stats,
	 * duplicate history and failures; latency, limits, delivery delays and callback policy as
	 * given to startEmulator. The clock keeps its time.
	 */
	reset(): { result: 'OK' } {
		this.accounts.clear();
		this.apikeys.clear();
		this.failures = [];
		this.dup.clear();
		this.log = [];
		this.scriptLatency = {};
		this.latencyMs = this.initial.latencyMs ?? 0;
		this.maxConcurrent = this.initial.maxConcurrent ?? 14;
		this.duplicateLimits =
			this.initial.duplicateLimits === false
				? false
				: { ...DEFAULT_DUPLICATE_LIMITS, ...(this.initial.duplicateLimits ?? {}) };
		this.deliveryDelays = { toOperator: 50, final: 200, ...(this.initial.deliveryDelays ?? {}) };
		Object.assign(
			this.callbacks.policy,
			DEFAULT_CALLBACK_POLICY,
			this.initial.callbackPolicy ?? {},
		);
		this.callbacks.resetLog();
		this.resetStats();
		this.seedAccounts();
		return { result: 'OK' };
	}

	// ───────────────────────────── internals used by scripts and server ─────────────────────────────

	authenticate(params: Record<string, string>): Account | undefined {
		if (params.apikey) {
			const login = this.apikeys.get(params.apikey);
			return login ? this.accounts.get(login) : undefined;
		}
		if (!params.login) return undefined;
		const acc = this.accounts.get(params.login);
		if (!acc || !params.psw) return undefined;
		if (acc.psw === params.psw) return acc;
		// SMSC also accepts the password's MD5 hash
		if (/^[0-9a-f]{32}$/i.test(params.psw)) {
			const md5 = createHash('md5').update(acc.psw).digest('hex');
			if (md5 === params.psw.toLowerCase()) return acc;
		}
		return undefined;
	}

	/** The login a request counts against for the concurrency cap (apikey resolved to its login). */
	loginKeyOf(params: Record<string, string>): string {
		if (params.apikey) return this.apikeys.get(params.apikey) ?? `apikey:${params.apikey}`;
		return params.login ?? '';
	}

	nextIntId(): number {
		return ++this.intIdSeq;
	}

	/** Take the failure to apply to a request to `script`, if any. */
	takeFailure(script: string): FailureRule | undefined {
		const i = this.failures.findIndex((f) => !f.script || f.script === script);
		if (i === -1) return undefined;
		const f = this.failures[i];
		f.remaining--;
		if (f.remaining <= 0) this.failures.splice(i, 1);
		this.stats.failuresInjected++;
		return f;
	}

	addLog(e: Omit<LogEntry, 'seq'>): void {
		const params: Record<string, string> = {};
		for (const [k, v] of Object.entries(e.params)) params[k] = REDACT.has(k) ? '***' : v;
		this.log.push({ ...e, params, seq: ++this.logSeq });
		if (this.log.length > this.logCap * 1.25) this.log.splice(0, this.log.length - this.logCap);
	}

	/** Schedule the status life of freshly sent messages: -1 → 0 → final, with callbacks. */
	scheduleDelivery(acc: Account, records: MessageRecord[], sendAt: number): void {
		const { toOperator, final } = this.deliveryDelays;
		const t0 = sendAt + toOperator;
		this.clock.at(t0, () => {
			const groups = new Map<number, MessageRecord[]>();
			const now = this.clock.now();
			for (const m of records) {
				if (m.deleted || m.status !== -1) continue;
				m.status = 0;
				m.lastAt = now;
				if (acc.statusCallbacks === 'all') this.statusCallback(acc, m);
				const delay = acc.outcomes.get(m.phone)?.delayMs ?? final;
				const at = t0 + delay;
				let g = groups.get(at);
				if (!g) groups.set(at, (g = []));
				g.push(m);
			}
			for (const [at, list] of groups) this.clock.at(at, () => this.finish(acc, list));
		});
	}

	private finish(acc: Account, list: MessageRecord[]): void {
		const now = this.clock.now();
		for (const m of list) {
			if (m.deleted || m.status !== 0) continue;
			const out = acc.outcomes.get(m.phone);
			m.status = out ? out.status : 1;
			m.err = out ? (out.err ?? 0) : 0;
			if (acc.testMode && !out) m.err = 200;
			m.lastAt = now;
			if (m.channel === 'hlr') m.hlr = this.hlrFor(acc, m);
			if (acc.statusCallbacks !== 'none') this.statusCallback(acc, m);
		}
	}

	hlrFor(acc: Account, m: MessageRecord): HlrResult {
		const info = numberInfo(m.phone);
		const ok = m.status === 1;
		const base: HlrResult = {
			imsi: ok ? (info.mcc + info.mnc + m.phone.slice(-10)).slice(0, 15) : '',
			msc: ok ? m.phone.slice(0, 4) + '0000000' : '',
			mcc: info.mcc,
			mnc: info.mnc,
			cn: info.country,
			net: info.operator,
			rcn: ok ? info.country : '',
			rnet: ok ? info.operator : '',
		};
		return { ...base, ...(acc.hlrResults.get(m.phone) ?? {}) };
	}

	statusFields(m: MessageRecord): Record<string, string> {
		const f: Record<string, string> = {
			id: String(m.id),
			phone: m.phone,
			status: String(m.status),
			err: String(m.err),
			time: String(Math.floor(m.lastAt / 1000)),
			ts: formatDate(m.lastAt),
			cnt: String(m.parts),
			cost: money(m.cost),
			sender: m.sender,
			type: String(m.type),
			mccmnc: m.mccmnc,
		};
		if (m.hlr) Object.assign(f, hlrFields(m.hlr));
		return f;
	}

	private statusCallback(acc: Account, m: MessageRecord): void {
		if (!acc.handlerUrl) return;
		this.queueCallback(acc, m.channel === 'hlr' ? 'hlr' : 'status', this.statusFields(m));
	}

	private queueCallback(acc: Account, kind: CallbackKind, fields: Record<string, string>): void {
		if (!acc.handlerUrl) return;
		void this.callbacks.enqueue(kind, acc.handlerUrl, fields, {
			method: acc.handlerMethod,
			login: acc.login,
		});
	}

	mustAccount(login: string): Account {
		const acc = this.accounts.get(login);
		if (!acc) throw new Error(`account ${login} not found`);
		return acc;
	}

	messageInfo(m: MessageRecord): MessageInfo {
		const { country: _country, operator: _operator, region: _region, ...info } = m;
		return { ...info, cost: money(m.cost) };
	}

	info(a: Account): AccountInfo {
		return {
			login: a.login,
			apikey: a.apikey,
			balance: money(a.balance),
			currency: a.currency,
			prices: { ...a.prices },
			handlerUrl: a.handlerUrl,
			handlerMethod: a.handlerMethod,
			statusCallbacks: a.statusCallbacks,
			testMode: a.testMode,
			messages: a.messages.size,
			contacts: a.contacts.size,
			groups: a.groups.size,
			blacklist: a.black.size,
			senders: a.senders.size,
			incoming: a.incoming.length,
			waitCalls: a.waitCalls.size,
		};
	}

	close(): void {
		this.clock.close();
		this.callbacks.close();
	}
}

export { DEFAULT_CALLBACK_POLICY };
