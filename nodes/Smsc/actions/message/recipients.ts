/** Separators people type between phone numbers; SMSC itself accepts commas and semicolons (003). */
const LIST_SEPARATOR = /[,;\n]+/;
/** Characters people write inside a phone number that carry no digits. */
const PHONE_DECORATION = /[\s\-().]/g;
const PHONE = /^\+?\d{7,15}$/;
const TELEGRAM_ID = /^#\d{1,20}$/;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** A recipient list from a field: a comma list, a number, or an array (possibly of comma lists). */
export function splitRecipients(value: unknown): string[] {
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
	const phone = raw.replace(PHONE_DECORATION, '');
	return PHONE.test(phone) ? phone : undefined;
}

export function isTelegramId(raw: string): boolean {
	return TELEGRAM_ID.test(raw);
}

export function isEmail(raw: string): boolean {
	return EMAIL.test(raw);
}

/**
 * What identifies a recipient when results come back. SMSC may rewrite a number without "+"
 * (8XXXXXXXXXX → 7XXXXXXXXXX), so phones are compared by their last ten digits: two numbers that
 * share them are treated as the same subscriber and never share a request.
 */
export function recipientKey(recipient: string): string {
	if (recipient.startsWith('#')) return recipient;
	if (recipient.includes('@')) return recipient.toLowerCase();
	const digits = recipient.replace(/\D/g, '');
	return digits.length > 10 ? digits.slice(-10) : digits;
}
