import { phoneTail } from '../../../shared/phones';

/**
 * What identifies a recipient when results come back. Phones are compared by phoneTail(): two
 * numbers that share it are treated as the same subscriber and never share a request.
 */
export function recipientKey(recipient: string): string {
	if (recipient.includes('@')) return recipient.toLowerCase();
	return phoneTail(recipient);
}
