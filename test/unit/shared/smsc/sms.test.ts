import { estimateSms } from '../../../../nodes/shared/smsc/sms';

describe('estimateSms', () => {
	it.each([
		['', 'GSM-7', 1],
		['a'.repeat(160), 'GSM-7', 1],
		['a'.repeat(161), 'GSM-7', 2],
		['a'.repeat(306), 'GSM-7', 2],
		['a'.repeat(307), 'GSM-7', 3],
		['{'.repeat(80), 'GSM-7', 1],
		['{'.repeat(81), 'GSM-7', 2],
		['я'.repeat(70), 'UCS-2', 1],
		['я'.repeat(71), 'UCS-2', 2],
		['я'.repeat(134), 'UCS-2', 2],
		['я'.repeat(135), 'UCS-2', 3],
		['Hello 😀', 'UCS-2', 1],
	])('counts %j', (text, encoding, parts) => {
		expect(estimateSms(text)).toMatchObject({ encoding, parts });
	});
});
