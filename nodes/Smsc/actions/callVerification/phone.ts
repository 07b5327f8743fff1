import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

/** What people type around digits in a phone number; SMSC wants the digits alone. */
const SEPARATORS = /[\s().-]/g;
/** E.164 allows 15 digits; fewer than 7 cannot be a subscriber number anywhere. */
const INTERNATIONAL = /^\+?\d{7,15}$/;

/** Returns the number as SMSC expects it (digits, optional leading +) or throws naming the bad value. */
export function normalizePhone(this: IExecuteFunctions, raw: unknown, itemIndex: number, field = 'Phone'): string {
	const text = String(raw ?? '').trim();
	if (text === '') {
		throw new NodeOperationError(this.getNode(), `The ${field} is empty. Enter a number in international format, e.g. +79991234567.`, {
			itemIndex,
		});
	}
	const phone = text.replace(SEPARATORS, '');
	if (!INTERNATIONAL.test(phone)) {
		throw new NodeOperationError(
			this.getNode(),
			`The ${field} "${text}" is not a phone number in international format, e.g. +79991234567.`,
			{ itemIndex },
		);
	}
	return phone;
}
