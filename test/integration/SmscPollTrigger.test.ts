/**
 * SMSC Poll Trigger against the emulator, over several polls with messages arriving in between:
 * every message exactly once and in order, across restarts and failed polls.
 */
import { useEmulator } from '../support/emulator';
import { smscCredentials } from '../support/smsc';
import { poller } from '../support/triggers';
import { triggerSchemaViolations } from '../support/schema';

const PASSWORD = 'poll-password';
const emu = useEmulator({ manualClock: true });
let accounts = 0;

function newAccount(): string {
	const login = `poll${++accounts}`;
	emu.createAccount({ login, psw: PASSWORD });
	return login;
}

function watch(login: string, parameters: Record<string, unknown> = {}, staticData = {}) {
	return poller(
		{ events: ['incomingMessage', 'callVerification'], ...parameters },
		smscCredentials(emu.url, { login, password: PASSWORD }),
		staticData,
	);
}

function inject(login: string, texts: string[]): number[] {
	return texts.map(
		(mes, i) =>
			emu.injectIncoming({
				login,
				phone: `7999000${String(i).padStart(4, '0')}`,
				mes,
				to: '74950000101',
			}).id,
	);
}

function getRequests(login: string, since = 0) {
	return emu.getLog({ login, script: 'get', since }).map((entry) => entry.params);
}

function lastSeq(): number {
	return emu.getLog({ limit: 1 }).at(-1)?.seq ?? 0;
}

describe('SMSC Poll Trigger: incoming messages', () => {
	it('starts from now, then emits every new message exactly once, in order', async () => {
		const login = newAccount();
		inject(login, ['old 1', 'old 2', 'old 3']);
		const trigger = watch(login);

		expect(await trigger.poll()).toEqual([]);
		const emitted: Array<Record<string, unknown>> = [];
		const expected: number[] = [];

		expected.push(...inject(login, ['new 1', 'new 2']));
		emitted.push(...(await trigger.poll()));
		emitted.push(...(await trigger.poll()));
		expected.push(...inject(login, ['new 3', '[waitcall]', 'new 5']));
		emitted.push(...(await trigger.poll()));

		expect(emitted.map((item) => Number(item.id))).toEqual(expected);
		expect(emitted.map((item) => [item.event, item.text])).toEqual([
			['incomingMessage', 'new 1'],
			['incomingMessage', 'new 2'],
			['incomingMessage', 'new 3'],
			['callVerification', '[waitcall]'],
			['incomingMessage', 'new 5'],
		]);
		const stored = emu.getIncoming({ login }).find((message) => message.id === expected[0])!;
		// the same names (and types) as the SMSC Trigger's callback for this message: id, text, to
		expect(emitted[0]).toMatchObject({
			id: expected[0],
			phone: stored.phone,
			text: 'new 1',
			to: '74950000101',
			message: 'new 1',
			to_phone: '74950000101',
			sentIso: new Date(Math.floor(stored.sent / 1000) * 1000).toISOString(),
		});

		expect(emitted.flatMap((item) => triggerSchemaViolations('SmscPollTrigger', item))).toEqual([]);

		const requests = getRequests(login);
		expect(
			requests.map(({ get_answers, after_id, hour }) => ({ get_answers, after_id, hour })),
		).toEqual([
			{ get_answers: '1', after_id: undefined, hour: '168' },
			// activation makes sure nothing newer lies beyond the first window page
			{ get_answers: '1', after_id: String(expected[0] - 1), hour: undefined },
			{ get_answers: '1', after_id: String(expected[0] - 1), hour: undefined },
			{ get_answers: '1', after_id: String(expected[1]), hour: undefined },
			{ get_answers: '1', after_id: String(expected[1]), hour: undefined },
		]);
	});

	it('carries on after a restart from the stored position', async () => {
		const login = newAccount();
		const first = watch(login);
		inject(login, ['before']);
		await first.poll();
		const [a] = inject(login, ['one']);
		expect((await first.poll()).map((item) => item.id)).toEqual([a]);

		const saved = JSON.parse(JSON.stringify(first.staticData));
		const [b, c] = inject(login, ['two', 'three']);
		const restarted = watch(login, {}, saved);
		expect((await restarted.poll()).map((item) => item.id)).toEqual([b, c]);
		expect(await restarted.poll()).toEqual([]);
	});

	it('emits each message once when n8n starts a poll while the previous one still waits for SMSC', async () => {
		const login = newAccount();
		const trigger = watch(login);
		expect(await trigger.poll()).toEqual([]);
		const ids = inject(login, ['one', 'two']);
		emu.setLatency({ ms: 500, script: 'get' });
		try {
			const [first, second] = await Promise.all([trigger.poll(), trigger.poll()]);
			expect([...first, ...second].map((item) => item.id)).toEqual(ids);
			expect([first.length, second.length].sort()).toEqual([0, 2]);
		} finally {
			emu.setLatency({ ms: 0 });
		}
		// What happens to static data after the pair is n8n's (it saves the one object both polls
		// share); the harness persists a copy per call, so the test stops at what the pair emitted.
	});

	it('emits messages that arrive after an activation that found none', async () => {
		const login = newAccount();
		const trigger = watch(login);
		expect(await trigger.poll()).toEqual([]);
		const ids = inject(login, ['first ever', 'second']);
		expect((await trigger.poll()).map((item) => item.id)).toEqual(ids);
		const [third] = inject(login, ['third']);
		expect((await trigger.poll()).map((item) => item.id)).toEqual([third]);
	});

	it('fetches every page within one poll', async () => {
		const login = newAccount();
		const trigger = watch(login);
		inject(login, ['before']);
		await trigger.poll();
		const ids = inject(
			login,
			Array.from({ length: 2345 }, (_, i) => `bulk ${i}`),
		);
		const since = lastSeq();

		const items = await trigger.poll();
		expect(items.map((item) => item.id)).toEqual(ids);
		expect(getRequests(login, since).map((params) => [params.after_id, params.cnt])).toEqual([
			[String(ids[0] - 1), '1000'],
			[String(ids[999]), '1000'],
			[String(ids[1999]), '1000'],
		]);
		expect(await trigger.poll()).toEqual([]);
	});

	it('moves nothing when a poll fails, so the next poll emits what it missed', async () => {
		const login = newAccount();
		const trigger = watch(login);
		inject(login, ['before']);
		await trigger.poll();
		const ids = inject(login, ['lost?', 'not lost']);
		const before = JSON.stringify(trigger.staticData);

		emu.failNext({ count: 1, mode: 'html', status: 200, script: 'get' });
		await expect(trigger.poll()).rejects.toThrow(/not JSON/);
		expect(JSON.stringify(trigger.staticData)).toBe(before);
		expect((await trigger.poll()).map((item) => item.id)).toEqual(ids);
	});

	it('shows recent messages in a manual test run without moving the position', async () => {
		const login = newAccount();
		const trigger = watch(login);
		inject(login, ['before']);
		await trigger.poll();
		const ids = inject(login, ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
		const before = JSON.stringify(trigger.staticData);

		const sample = await trigger.poll('manual');
		expect(sample.map((item) => item.id)).toEqual(ids.slice(-5));
		expect(JSON.stringify(trigger.staticData)).toBe(before);
		expect((await trigger.poll()).map((item) => item.id)).toEqual(ids);
	});

	it('applies the events and filters', async () => {
		const login = newAccount();
		const trigger = watch(login, {
			events: ['callVerification'],
			filters: { toNumbers: '74950000102' },
		});
		await trigger.poll();
		emu.injectIncoming({ login, phone: '79990000001', mes: '[waitcall]', to: '74950000101' });
		const { id } = emu.injectIncoming({
			login,
			phone: '79990000002',
			mes: '[waitcall]',
			to: '74950000102',
		});
		emu.injectIncoming({ login, phone: '79990000003', mes: 'hello', to: '74950000102' });
		expect(await trigger.poll()).toEqual([
			expect.objectContaining({ id, event: 'callVerification' }),
		]);
	});
});

describe('SMSC Poll Trigger: delivery statuses', () => {
	async function send(login: string, phones: string): Promise<number> {
		const body = new URLSearchParams({
			login,
			psw: PASSWORD,
			phones,
			mes: 'status test',
			fmt: '3',
		});
		return (
			(await (await fetch(`${emu.url}/sys/send.php`, { method: 'POST', body })).json()) as {
				id: number;
			}
		).id;
	}

	it('emits each final status change once', async () => {
		const login = newAccount();
		const trigger = watch(login, { events: ['deliveryStatus'] });
		const old = await send(login, '79990000009');
		emu.advanceClock({ ms: 1000 });
		expect(await trigger.poll()).toEqual([]);

		emu.setPhoneOutcome({ login, phone: '79990000002', status: 20, err: 1 });
		const id = await send(login, '79990000001,79990000002');
		expect(await trigger.poll()).toEqual([]);
		emu.advanceClock({ ms: 100 });
		expect(await trigger.poll()).toEqual([]);
		emu.advanceClock({ ms: 1000 });
		const items = await trigger.poll();
		expect(
			items.map((item) => [item.id, item.phone, item.status, item.statusName, item.previousStatus]),
		).toEqual(
			expect.arrayContaining([
				[id, '79990000001', 1, 'delivered', 0],
				[id, '79990000002', 20, 'undeliverable', 0],
			]),
		);
		expect(items).toHaveLength(2);
		expect(items.find((item) => item.status === 20)).toMatchObject({
			event: 'deliveryStatus',
			errorDescription: 'Subscriber does not exist',
			failed: true,
		});
		expect(items.some((item) => item.id === old)).toBe(false);
		expect(await trigger.poll()).toEqual([]);
	});

	it('also emits intermediate statuses when asked', async () => {
		const login = newAccount();
		const trigger = watch(login, { events: ['deliveryStatus'], options: { finalOnly: false } });
		await trigger.poll();
		await send(login, '79990000001');
		emu.advanceClock({ ms: 100 });
		expect((await trigger.poll()).map((item) => [item.status, item.previousStatus])).toEqual([
			[0, null],
		]);
		emu.advanceClock({ ms: 1000 });
		expect((await trigger.poll()).map((item) => [item.status, item.previousStatus])).toEqual([
			[1, 0],
		]);
	});

	it('emits incoming messages and statuses from one poll', async () => {
		const login = newAccount();
		const trigger = watch(login, { events: ['incomingMessage', 'deliveryStatus'] });
		await trigger.poll();
		await send(login, '79990000001');
		const [incoming] = inject(login, ['reply']);
		emu.advanceClock({ ms: 1000 });
		expect(
			(await trigger.poll()).map((item) => [
				item.event,
				item.event === 'deliveryStatus' ? item.status : item.id,
			]),
		).toEqual([
			['incomingMessage', incoming],
			['deliveryStatus', 1],
		]);
	});
});
