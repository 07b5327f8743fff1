import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	DIGITAL_SENDER,
	emptyField,
	MAX_SENDER_DIGITS as MAX_DIGITS,
	MAX_SENDER_LETTERS as MAX_LETTERS,
	PRINTABLE_ASCII,
	isEmail,
	notAnEmail,
} from '../../../shared/smsc/rules';
import { refuseItem } from '../itemErrors';

/** The phone number registered as a sender name, which Send Verification Code and Verify Code act on. */
export function digitalSenderField(description: string): INodeProperties {
	return {
		displayName: 'Digital Sender Name',
		name: 'senderName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 79991234567',
		description,
	};
}

export function digitalSenderParam(this: IExecuteFunctions, itemIndex: number): string {
	return validateSenderName.call(
		this,
		String(this.getNodeParameter('senderName', itemIndex, '')),
		'digital',
		itemIndex,
	);
}

/** Checks a sender name (SMS) or e-mail sender before it is sent to SMSC for registration. */
export function validateSenderName(
	this: IExecuteFunctions,
	sender: string,
	kind: 'name' | 'email' | 'digital',
	itemIndex: number,
): string {
	const value = sender.trim();
	const fail = refuseItem(this, itemIndex);
	if (value === '') fail(emptyField(kind === 'email' ? 'E-Mail Address' : 'Sender Name'));
	if (kind === 'email') {
		if (!isEmail(value)) fail(notAnEmail(value, 'E-Mail Address'));
		return value;
	}
	if (DIGITAL_SENDER.test(value)) {
		const digits = value.replace('+', '').length;
		if (digits > MAX_DIGITS)
			fail(
				`The digital sender name "${value}" has ${digits} digits; SMSC allows at most ${MAX_DIGITS}.`,
			);
		return value;
	}
	if (kind === 'digital')
		fail(
			`"${value}" is not a digital sender name: it must be a phone number of up to ${MAX_DIGITS} digits.`,
		);
	if (!PRINTABLE_ASCII.test(value)) {
		fail(
			`The sender name "${value}" may contain only Latin letters, digits, spaces and common symbols.`,
		);
	}
	if (value.length > MAX_LETTERS) {
		fail(
			`The sender name "${value}" has ${value.length} characters; SMSC allows at most ${MAX_LETTERS} (or ${MAX_DIGITS} digits).`,
		);
	}
	return value;
}

/**
 * One sender name as the node outputs it. SMSC's JSON field names are kept (they are what its
 * documentation and support talk about); only the id becomes a number so it compares and sorts.
 */
export function simplifySender(raw: IDataObject): IDataObject {
	const out: IDataObject = { ...raw };
	if (raw.id !== undefined && raw.id !== '' && !Number.isNaN(Number(raw.id)))
		out.id = Number(raw.id);
	return out;
}

/** How a target reads in a message: `"MyShop"` or `with ID 12`. */
export function describeTarget(target: { id: number } | { sender: string }): string {
	return 'id' in target ? `with ID ${target.id}` : `"${target.sender}"`;
}
