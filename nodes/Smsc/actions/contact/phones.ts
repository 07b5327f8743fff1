import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

/** What people type inside a phone number that carries no digits. */
const DECORATION = /[\s().-]/g;
/** Between numbers of one field; SMSC itself takes "any separator" (000), but spaces are also decoration. */
const LIST_SEPARATOR = /[,;\n]+/;
/** E.164 allows 15 digits; fewer than 7 cannot be a subscriber number anywhere. */
const INTERNATIONAL = /^\+?\d{7,15}$/;

const EXAMPLE = 'e.g. +79991234567';

function fail(context: IExecuteFunctions, message: string, itemIndex: number): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex });
}

/** One number as SMSC expects it (digits, optional leading +), or an error naming the field and the bad value. */
export function parsePhone(this: IExecuteFunctions, raw: unknown, itemIndex: number, field = 'Phone'): string {
	const text = String(raw ?? '').trim();
	if (text === '') fail(this, `The ${field} is empty. Enter a number in international format, ${EXAMPLE}.`, itemIndex);
	const phone = text.replace(DECORATION, '');
	if (!INTERNATIONAL.test(phone)) {
		fail(this, `The ${field} "${text}" is not a phone number in international format, ${EXAMPLE}.`, itemIndex);
	}
	return phone;
}

/**
 * Several numbers of one contact (commas, semicolons or new lines between them, or an array from an
 * expression), each checked, duplicates dropped. `required` refuses an empty field.
 */
export function parsePhoneList(
	this: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	field: string,
	required = true,
): string[] {
	const parts = (Array.isArray(raw) ? raw : [raw])
		.flatMap((entry) => String(entry ?? '').split(LIST_SEPARATOR))
		.map((part) => part.trim())
		.filter((part) => part !== '');
	if (parts.length === 0) {
		if (required) fail(this, `The ${field} is empty. Enter a number in international format, ${EXAMPLE}.`, itemIndex);
		return [];
	}
	const phones: string[] = [];
	for (const part of parts) {
		const phone = parsePhone.call(this, part, itemIndex, field);
		if (!phones.includes(phone)) phones.push(phone);
	}
	return phones;
}

/** Two spellings of one number (with or without "+", 8… or 7… for Russia) share their last ten digits. */
export function samePhone(a: string, b: string): boolean {
	const tail = (phone: string) => phone.replace(/\D/g, '').slice(-10);
	return tail(a) !== '' && tail(a) === tail(b);
}
