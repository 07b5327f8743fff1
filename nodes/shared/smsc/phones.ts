import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { emptyField } from './rules';

/** Between values of one field; SMSC itself takes commas and semicolons (SMSC page "Управление контактами"; SMSC page "Відправка SMS-повідомлення"), and people also put one per line. */
const LIST_SEPARATOR = /[,;\n]+/;
/** What people type inside a phone number that carries no digits. */
const DECORATION = /[\s().-]/g;
/** E.164 allows 15 digits; fewer than 7 cannot be a subscriber number anywhere. */
const INTERNATIONAL = /^\+?\d{7,15}$/;

const EXAMPLE = 'e.g. +79991234567';
/** DECORATION and INTERNATIONAL in words, for an error's details. */
export const PHONE_FORMAT =
	'A number has 7 to 15 digits after an optional "+"; spaces, brackets, dots and dashes are ignored.';

/** The values of a list field: a comma list, a number, or an array from an expression (possibly of comma lists). */
export function splitList(value: unknown): string[] {
	const out: string[] = [];
	const add = (entry: unknown): void => {
		if (entry === null || entry === undefined) return;
		if (Array.isArray(entry)) {
			for (const inner of entry) add(inner);
			return;
		}
		for (const part of String(entry).split(LIST_SEPARATOR)) {
			const trimmed = part.trim();
			if (trimmed !== '') out.push(trimmed);
		}
	};
	add(value);
	return out;
}

/** A phone as SMSC should receive it (decoration removed, "+" kept), or undefined if malformed. */
export function cleanPhone(raw: string): string | undefined {
	const phone = raw.replace(DECORATION, '');
	return INTERNATIONAL.test(phone) ? phone : undefined;
}

/**
 * The one wording of "this is not a phone number": `The Phone "x" is …`, or `"x" in Phone Numbers
 * is …` for one number of a list. `field` is left out where the value may come from an item's own
 * field rather than the node's (Send with automatic mapping).
 */
export function notAPhone(text: string, field?: string, inList = false): string {
	const problem = `is not a phone number in international format, ${EXAMPLE}.`;
	if (field === undefined) return `"${text}" ${problem}`;
	return inList ? `"${text}" in ${field} ${problem}` : `The ${field} "${text}" ${problem}`;
}

function fail(context: IExecuteFunctions, message: string, itemIndex: number): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex });
}

/** One number as SMSC expects it (digits, optional leading +), or an error naming the field and the bad value. */
export function parsePhone(
	this: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	field = 'Phone',
	inList = false,
): string {
	const text = String(raw ?? '').trim();
	if (text === '')
		fail(this, emptyField(field, `Enter a number in international format, ${EXAMPLE}.`), itemIndex);
	const phone = cleanPhone(text);
	if (phone === undefined) {
		fail(this, notAPhone(text, field, inList), itemIndex);
	}
	return phone;
}

/** Several numbers of one field, each checked, duplicates dropped. `required` refuses an empty field. */
export function parsePhoneList(
	this: IExecuteFunctions,
	raw: unknown,
	itemIndex: number,
	field: string,
	required = true,
): string[] {
	const parts = splitList(raw);
	if (parts.length === 0) {
		if (required)
			fail(
				this,
				emptyField(field, `Enter a number in international format, ${EXAMPLE}.`),
				itemIndex,
			);
		return [];
	}
	const phones: string[] = [];
	for (const part of parts) {
		const phone = parsePhone.call(this, part, itemIndex, field, true);
		if (!phones.includes(phone)) phones.push(phone);
	}
	return phones;
}

/**
 * What stays the same across spellings of one number: SMSC may rewrite it without "+" (8… → 7…
 * for Russia), so two numbers sharing their last ten digits are one subscriber.
 */
export function phoneTail(phone: string): string {
	return phone.replace(/\D/g, '').slice(-10);
}

export function samePhone(a: string, b: string): boolean {
	return phoneTail(a) !== '' && phoneTail(a) === phoneTail(b);
}

/**
 * A phone number as every output of the package writes it: "+" and digits, as the Send takes it.
 * SMSC answers and calls with digits only (`79991234567`); anything that is not a phone number (an
 * e-mail address, a Telegram ID, a blank) is returned unchanged.
 */
export function outputPhone(value: unknown): unknown {
	if (typeof value !== 'string' && typeof value !== 'number') return value;
	const phone = String(value).replace(DECORATION, '');
	return INTERNATIONAL.test(phone) ? `+${phone.replace(/^\+/, '')}` : value;
}
