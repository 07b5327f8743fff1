import {
	cleanPhone,
	notAPhone,
	PHONE_FORMAT,
	phoneTail,
	splitList,
} from '../../shared/smsc/phones';
import { groupNumber, isEmail, notAnEmail } from '../../shared/smsc/rules';
import { locatorValue } from '../descriptions/locators';
import type { ItemReader } from './item';

/**
 * What identifies a recipient when results come back. Phones are compared by phoneTail(): two
 * numbers that share it are treated as the same subscriber and never share a request.
 */
export function recipientKey(recipient: string): string {
	if (recipient.includes('@')) return recipient.toLowerCase();
	return phoneTail(recipient);
}

/** The recipients as they go to SMSC: a group (`G<n>`), e-mail addresses, or phones. */
export function readRecipients(item: ItemReader): { recipients: string[]; group?: string } {
	const { parameters, itemIndex, row, fail } = item;
	const recipientType = parameters.get<string>('recipientType', itemIndex, 'phones');
	if (recipientType === 'group') {
		const raw = locatorValue(parameters.get<unknown>('group', itemIndex, '')).value;
		const number = groupNumber(raw);
		if (number === undefined)
			fail(
				`The contact group "${raw}" is not a group number. Pick a group from the list or enter its number, e.g. 5.`,
			);
		const group = `G${number!}`;
		return { recipients: [group], group };
	}
	if (row.fields.includes('emails')) {
		const recipients = splitList(item.get<unknown>('emails', ''));
		if (recipients.length === 0)
			fail('No e-mail address to send to. Enter at least one address in Email Addresses.');
		const bad = recipients.find((address) => !isEmail(address));
		if (bad !== undefined) fail(notAnEmail(bad));
		return { recipients };
	}
	const raw = splitList(item.get<unknown>('phones', ''));
	if (raw.length === 0)
		fail('No phone number to send to. Enter at least one number in Phone Numbers.');
	const recipients = raw.map((phone) => {
		const clean = cleanPhone(phone);
		if (clean === undefined) fail(notAPhone(phone), PHONE_FORMAT);
		return clean!;
	});
	return { recipients };
}
