/** wait_call.php ("Подтверждение номера телефона с помощью звонка"): the number the subscriber must call within 15 minutes. */
import { xmlEscape } from '../codec';
import { apiError, type Reply } from '../reply';
import { normalizePhone } from '../sms';
import type { WaitCall } from '../state';
import type { Ctx } from './context';

const S = 'wait_call';
export const WAIT_CALL_TTL_MS = 15 * 60_000;

export function waitCall(ctx: Ctx): Reply {
	const { acc, p, now, emu } = ctx;
	if (!p.phone) throw apiError(S, 1);
	const phone = normalizePhone(p.phone);
	if (phone === null) throw apiError(S, 1);
	if (acc.black.has(phone)) throw apiError(S, 5);
	const numbers = acc.waitCallNumbers;
	if (numbers.length === 0) throw apiError(S, 6);
	if (!acc.testMode && acc.balance < acc.prices.wait_call) throw apiError(S, 3);
	const existing = acc.waitCalls.get(phone);
	const to =
		existing && existing.expiresAt > now
			? existing.to
			: numbers[acc.waitCallCursor++ % numbers.length];
	const wc: WaitCall = { phone, to, createdAt: now, expiresAt: now + WAIT_CALL_TTL_MS };
	acc.waitCalls.set(phone, wc);
	emu.clock.at(wc.expiresAt, () => {
		if (acc.waitCalls.get(phone) === wc) acc.waitCalls.delete(phone);
	});
	if (acc.waitCallAutoMs !== null && acc.waitCallAutoMs !== undefined) {
		emu.clock.after(acc.waitCallAutoMs, () => {
			if (acc.waitCalls.get(phone) === wc) emu.completeWaitCall({ login: acc.login, phone });
		});
	}
	const all = [to, ...numbers.filter((n) => n !== to)];
	return {
		json: { phone: to, all_phones: all },
		text: () => `phone = ${to}, all_phones = ${all.join(',')}`,
		nums: () => all.join(','),
		xml: () =>
			`<result>\n<phone>${xmlEscape(to)}</phone>\n<all_phones>\n${all.map((n) => `<phone>${xmlEscape(n)}</phone>\n`).join('')}</all_phones>\n</result>`,
	};
}
