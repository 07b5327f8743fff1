import { WAIT_INDEFINITELY } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { refuseQuestion } from './refuse';

const UNIT_MS: Record<string, number> = {
	minutes: 60_000,
	hours: 3_600_000,
	days: 86_400_000,
};

/**
 * When the execution goes on by itself (Options > Limit Wait Time), or WAIT_INDEFINITELY.
 * A limit that has already passed is refused here, before the SMS is sent: n8n would resume the
 * execution at once and the person would answer a question nobody waits for any more.
 */
export function waitTill(this: IExecuteFunctions, now = Date.now()): Date {
	const limit = this.getNodeParameter('options.limitWaitTime.values', 0, {}) as IDataObject;
	if (Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	if (limit.limitType === 'atSpecifiedTime') {
		const raw = limit.maxDateAndTime;
		const at = new Date(
			typeof raw === 'string' || typeof raw === 'number' ? raw : String(raw ?? ''),
		);
		if (raw === '' || raw === undefined || isNaN(at.getTime()))
			refuseQuestion(this, `Limit Wait Time: "${String(raw ?? '')}" is not a date and time.`);
		if (at.getTime() <= now)
			refuseQuestion(
				this,
				`Limit Wait Time: ${at.toISOString()} has already passed, so nobody could answer in time. Choose a later date and time.`,
			);
		return at;
	}
	const amount = Number(limit.resumeAmount ?? 45);
	const unit = UNIT_MS[String(limit.resumeUnit ?? 'minutes')];
	if (!Number.isFinite(amount) || amount <= 0 || unit === undefined)
		refuseQuestion(
			this,
			`Limit Wait Time: the amount must be a positive number of minutes, hours or days (got ${String(limit.resumeAmount)} ${String(limit.resumeUnit)}).`,
		);
	return new Date(now + amount * unit);
}
