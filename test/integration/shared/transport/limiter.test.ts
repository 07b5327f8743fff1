/**
 * nodes/shared/transport/limiter.ts through the transport: SMSC's limit of 14 requests in flight per
 * login holds across everything one n8n process sends, and a Send that meets another client on
 * the same login (another queue-mode worker) backs off until both fit instead of giving up.
 */
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../../../support/emulator';
import { newAccount, runMessage } from '../../../support/accounts';

jest.setTimeout(120_000);

const emu = useEmulator();
afterEach(() => {
	emu.setLatency({ ms: 0 });
	emu.setLimits({ maxConcurrent: 14 });
});

const items = (prefix: string, count: number) =>
	Array.from({ length: count }, (_, i) => ({
		phone: `+7${prefix}${String(i).padStart(4, '0')}`,
		text: `Order ${prefix}-${i}`,
	}));

/** A Send of `input`, one request per item, 10 at once unless these Bulk Options say otherwise. */
const send = (login: string, input: IDataObject[], bulkOptions: IDataObject = {}) =>
	runMessage(
		emu,
		login,
		{
			operation: 'send',
			phones: '={{ $json.phone }}',
			message: '={{ $json.text }}',
			bulkOptions: { batching: false, concurrency: 10, ...bulkOptions },
		},
		{ items: input },
	);

/** Recipient → how many messages SMSC accepted for it. */
function accepted(login: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const m of emu.getMessages({ login })) counts.set(m.phone, (counts.get(m.phone) ?? 0) + 1);
	return counts;
}

describe('one login, several Sends at once', () => {
	it('two executions in one process stay under 14 together: no request is refused', async () => {
		const login = newAccount(emu, { balance: 100_000 });
		emu.setLatency({ ms: 40, script: 'send' });
		emu.resetStats();
		const [a, b] = await Promise.all([
			send(login, items('900100', 60)),
			send(login, items('900200', 60)),
		]);
		expect([a.result.error, b.result.error]).toEqual([undefined, undefined]);
		const stats = emu.getStats();
		expect(stats.maxInFlightPerLogin).toBeLessThanOrEqual(14);
		expect(stats.error9Concurrent).toBe(0);
		const counts = accepted(login);
		expect(counts.size).toBe(120);
		expect([...counts.values()].every((n) => n === 1)).toBe(true);
	});

	it('a Send meeting another client on the login backs off until both fit, and sends every item once', async () => {
		// Another worker holds 10 of the 14 slots: this process may use 4 and learns that from refusals.
		const login = newAccount(emu, { balance: 100_000 });
		emu.setLimits({ maxConcurrent: 4 });
		emu.setLatency({ ms: 30, script: 'send' });
		emu.resetStats();
		const { result, output } = await send(login, items('900300', 80));
		expect(result.error).toBeUndefined();
		expect(output).toHaveLength(80);
		const stats = emu.getStats();
		expect(stats.maxInFlightPerLogin).toBeLessThanOrEqual(4);
		// Refused at first (10 asked, 4 allowed), then a few probes upward; never a refusal per item.
		expect(stats.error9Concurrent).toBeGreaterThan(0);
		expect(stats.error9Concurrent).toBeLessThan(30);
		const counts = accepted(login);
		expect(counts.size).toBe(80);
		expect([...counts.values()].every((n) => n === 1)).toBe(true);
	});
});
