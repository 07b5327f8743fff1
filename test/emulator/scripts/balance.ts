/** balance.php: {"balance": "123.45"} (+ "currency" with cur=1). */
import type { Reply } from '../reply';
import { money } from '../state';
import { flag, type Ctx } from './context';

export function balance(ctx: Ctx): Reply {
	const { acc, p } = ctx;
	const cur = flag(p.cur);
	const b = money(acc.balance);
	const json: Record<string, string> = cur
		? { balance: b, currency: acc.currency }
		: { balance: b };
	return {
		json,
		text: () => (cur ? `${b}, ${acc.currency}` : b),
		nums: () => (cur ? `${b},${acc.currency}` : b),
		xml: () =>
			`<result>\n<balance>${b}</balance>\n${cur ? `<currency>${acc.currency}</currency>\n` : ''}</result>`,
	};
}
