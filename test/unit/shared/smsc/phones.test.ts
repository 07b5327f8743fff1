import {
	outputPhone,
	parsePhone,
	parsePhoneList,
	samePhone,
} from '../../../../nodes/shared/smsc/phones';
import { context, failure } from '../../../support/context';

describe('parsePhone', () => {
	it.each([
		['+79991234567', '+79991234567'],
		[' +7 (999) 123-45-67 ', '+79991234567'],
		['89991234567', '89991234567'],
		['380.44.123.4567', '380441234567'],
	])('keeps the digits and + of %p', (raw, phone) => {
		expect(parsePhone.call(context, raw, 0)).toBe(phone);
	});

	it.each(['', '   ', '12345', '+7999123456789012', 'call me', '7999 12x 4567', '++79991234567'])(
		'refuses %p',
		(raw) => {
			const error = failure(() => parsePhone.call(context, raw, 3, 'Phone'));
			expect(error.message).toMatch(
				/^The Phone (is empty|".*" is not a phone number in international format)/,
			);
			expect(error.context.itemIndex).toBe(3);
		},
	);
});

describe('parsePhoneList', () => {
	it('splits on commas, semicolons and new lines, drops duplicates, accepts arrays', () => {
		expect(
			parsePhoneList.call(context, '+79990000001, 7 999 000 00 02;\n+79990000001', 0, 'Phone'),
		).toEqual(['+79990000001', '79990000002']);
		expect(
			parsePhoneList.call(context, ['+79990000001', '+79990000003,+79990000004'], 0, 'Phone'),
		).toEqual(['+79990000001', '+79990000003', '+79990000004']);
	});

	it('refuses an empty required list and names the bad number in a list', () => {
		expect(failure(() => parsePhoneList.call(context, ' , ', 0, 'Phone')).message).toMatch(
			/The Phone is empty/,
		);
		expect(parsePhoneList.call(context, '', 0, 'Other Phones', false)).toEqual([]);
		expect(
			failure(() => parsePhoneList.call(context, '+79990000001, 555', 0, 'Other Phones')).message,
		).toMatch(/^"555" in Other Phones is not a phone number/);
	});
});

describe('samePhone', () => {
	it('compares the last ten digits', () => {
		expect(samePhone('+79991234567', '89991234567')).toBe(true);
		expect(samePhone('79991234567', '79991234568')).toBe(false);
		expect(samePhone('', '')).toBe(false);
	});
});

describe('outputPhone', () => {
	it('writes every phone number as "+" and digits, as the Send takes them', () => {
		expect(outputPhone('79991234567')).toBe('+79991234567');
		expect(outputPhone('+79991234567')).toBe('+79991234567');
		expect(outputPhone(79991234567)).toBe('+79991234567');
		expect(outputPhone('+7 (999) 123-45-67')).toBe('+79991234567');
	});

	it('leaves what is not a phone number as it is', () => {
		for (const value of ['name@example.com', '', 'shop', '123', undefined, null])
			expect(outputPhone(value)).toBe(value);
	});
});
