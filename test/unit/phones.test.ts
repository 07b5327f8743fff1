import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { simplifyBlacklistEntry } from '../../nodes/Smsc/actions/blacklist/blacklist';
import { fromSmscDate, toSmscDate } from '../../nodes/Smsc/actions/contact/birthday';
import { contactParams, simplifyContact } from '../../nodes/Smsc/actions/contact/contact';
import { smscErrorCode } from '../../nodes/shared/explain';
import { parsePhone, parsePhoneList, samePhone } from '../../nodes/shared/phones';
import { simplifyGroup } from '../../nodes/Smsc/actions/group/group';

/** The validators only ask the context for the node, to attach it to their errors. */
const node = { name: 'SMSC', type: 'n8n-nodes-smsc.smsc', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const context = { getNode: () => node } as unknown as IExecuteFunctions;

function failure(fn: () => unknown): NodeOperationError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected a NodeOperationError');
}

describe('parsePhone', () => {
	it.each([
		['+79991234567', '+79991234567'],
		[' +7 (999) 123-45-67 ', '+79991234567'],
		['89991234567', '89991234567'],
		['380.44.123.4567', '380441234567'],
	])('keeps the digits and + of %p', (raw, phone) => {
		expect(parsePhone.call(context, raw, 0)).toBe(phone);
	});

	it.each(['', '   ', '12345', '+7999123456789012', 'call me', '7999 12x 4567', '++79991234567'])('refuses %p', (raw) => {
		const error = failure(() => parsePhone.call(context, raw, 3, 'Phone'));
		expect(error.message).toMatch(/^The Phone (is empty|".*" is not a phone number in international format)/);
		expect(error.context.itemIndex).toBe(3);
	});
});

describe('parsePhoneList', () => {
	it('splits on commas, semicolons and new lines, drops duplicates, accepts arrays', () => {
		expect(parsePhoneList.call(context, '+79990000001, 7 999 000 00 02;\n+79990000001', 0, 'Phone')).toEqual([
			'+79990000001',
			'79990000002',
		]);
		expect(parsePhoneList.call(context, ['+79990000001', '+79990000003,+79990000004'], 0, 'Phone')).toEqual([
			'+79990000001',
			'+79990000003',
			'+79990000004',
		]);
	});

	it('refuses an empty required list and names the bad number in a list', () => {
		expect(failure(() => parsePhoneList.call(context, ' , ', 0, 'Phone')).message).toMatch(/The Phone is empty/);
		expect(parsePhoneList.call(context, '', 0, 'Other Phones', false)).toEqual([]);
		expect(failure(() => parsePhoneList.call(context, '+79990000001, 555', 0, 'Other Phones')).message).toMatch(
			/The Other Phones "555" is not a phone number/,
		);
	});
});

describe('samePhone', () => {
	it('compares the last ten digits', () => {
		expect(samePhone('+79991234567', '89991234567')).toBe(true);
		expect(samePhone('79991234567', '79991234568')).toBe(false);
		expect(samePhone('', '')).toBe(false);
	});
});

describe('toSmscDate / fromSmscDate', () => {
	it.each<[unknown, string]>([
		['1990-05-17T00:00:00', '17.05.1990'],
		['1990-05-17T23:30:00.000+03:00', '17.05.1990'],
		['1990-05-17', '17.05.1990'],
		['7.5.1990', '07.05.1990'],
		['29.02.2000', '29.02.2000'],
		[DateTime.fromISO('1985-12-01T10:00:00', { zone: 'Asia/Tokyo' }), '01.12.1985'],
		[new Date(Date.UTC(2001, 0, 9)), '09.01.2001'],
		['', ''],
		[undefined, ''],
	])('%p → %p', (value, smsc) => {
		expect(toSmscDate.call(context, value, 0)).toBe(smsc);
	});

	it.each(['31.02.1990', '29.02.1900', '1990-13-01', '17/05/1990', 'yesterday', '01.01.1850', DateTime.invalid('test')])(
		'refuses %p',
		(value) => {
			expect(failure(() => toSmscDate.call(context, value, 1)).message).toMatch(/The Birthday ".*" is not a valid date/);
		},
	);

	it('turns SMSC dates into ISO dates and leaves anything else alone', () => {
		expect(fromSmscDate('02.03.1985')).toBe('1985-03-02');
		expect(fromSmscDate('2.3.1985')).toBe('1985-03-02');
		expect(fromSmscDate('')).toBe('');
		expect(fromSmscDate('00.00.0000')).toBe('0000-00-00');
	});
});

describe('contactParams', () => {
	it('maps every field to its phones.php parameter and echoes the cleaned values', () => {
		const { params, output } = contactParams.call(
			context,
			{
				name: ' Anna ',
				firstName: 'Anna',
				lastName: '',
				birthday: '1990-05-17',
				otherPhones: '+79990000001;+79990000001',
				newPhone: '+7 999 000 00 02',
				groups: ['3', 5, '3'],
				tags: 'a,b',
			},
			0,
		);
		expect(params).toEqual({
			name: 'Anna',
			fnm: 'Anna',
			bd: '17.05.1990',
			pho: '+79990000001',
			new_phone: '+79990000002',
			grp: '3,5',
			tags: 'a,b',
		});
		expect(output).toEqual({
			name: 'Anna',
			firstName: 'Anna',
			birthday: '1990-05-17',
			otherPhones: '+79990000001',
			newPhone: '+79990000002',
			groups: [3, 5],
			tags: 'a,b',
		});
	});

	it('accepts groups as a comma list from an expression and refuses a non-numeric one', () => {
		expect(contactParams.call(context, { groups: '4, 6' }, 0).params).toEqual({ grp: '4,6' });
		expect(failure(() => contactParams.call(context, { groups: ['vip'] }, 2)).message).toBe(
			'The group ID "vip" is not a positive whole number.',
		);
	});
});

describe('output shapes', () => {
	it('simplifyContact names SMSC fields plainly and lists groups as numbers', () => {
		expect(
			simplifyContact({
				phone: '79990000001',
				name: 'N',
				group: '3,5',
				first_name: 'F',
				last_name: 'L',
				middle_name: 'M',
				birthday: '01.02.1990',
				id: 'crm-1',
				comments: 'c',
				tags: 't',
				phone_other: '79990000002',
				int_id: '17',
			}),
		).toEqual({
			id: 17,
			phone: '79990000001',
			name: 'N',
			groups: [3, 5],
			firstName: 'F',
			lastName: 'L',
			middleName: 'M',
			birthday: '1990-02-01',
			myId: 'crm-1',
			comment: 'c',
			tags: 't',
			otherPhones: '79990000002',
		});
		const bare = simplifyContact({ phone: '79990000001', group: 0 });
		expect(bare).not.toHaveProperty('id');
		expect(bare.groups).toEqual([]);
		expect(simplifyContact({ group: 4 }).groups).toEqual([4]);
	});

	it('simplifyGroup and simplifyBlacklistEntry turn strings into numbers and codes into words', () => {
		expect(simplifyGroup({ id: '3', name: 'G', number: '12', cnt: '5' })).toEqual({ id: 3, name: 'G', number: 12, contactCount: 5 });
		expect(simplifyBlacklistEntry({ id: '9', phone: '7999', type: '1', comment: 'x' })).toEqual({
			id: 9,
			phone: '7999',
			type: 'mass',
			comment: 'x',
		});
		expect(simplifyBlacklistEntry({ id: 1, phone: '7', type: 2 }).type).toBe('single');
		expect(simplifyBlacklistEntry({ id: 1, phone: '7', type: 0 }).type).toBe('all');
	});

	it('smscErrorCode reads the code the transport attaches', () => {
		expect(smscErrorCode({ errorResponse: { smscErrorCode: 3 } })).toBe(3);
		expect(smscErrorCode(new Error('x'))).toBeUndefined();
		expect(smscErrorCode(undefined)).toBeUndefined();
	});
});
