import { DateTime } from 'luxon';

import { simplifyBlacklistEntry } from '../../../../../nodes/Smsc/actions/blacklist/blacklist';
import { fromSmscDate, toSmscDate } from '../../../../../nodes/Smsc/actions/contact/birthday';
import { contactParams, simplifyContact } from '../../../../../nodes/Smsc/actions/contact/contact';
import { simplifyGroup } from '../../../../../nodes/Smsc/actions/group/group';
import { smscErrorCode } from '../../../../../nodes/shared/transport/errors';
import { context, failure } from '../../../../support/context';

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

	it.each([
		'31.02.1990',
		'29.02.1900',
		'1990-13-01',
		'17/05/1990',
		'yesterday',
		'01.01.1850',
		DateTime.invalid('test'),
	])('refuses %p', (value) => {
		expect(failure(() => toSmscDate.call(context, value, 1)).message).toMatch(
			/The Birthday ".*" is not a valid date/,
		);
	});

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
		expect(simplifyGroup({ id: '3', name: 'G', number: '12', cnt: '5' })).toEqual({
			id: 3,
			name: 'G',
			number: 12,
			contactCount: 5,
		});
		expect(
			simplifyBlacklistEntry({ id: '9', phone: '7999', type: '1', comment: 'x' }, 'phones'),
		).toEqual({
			id: 9,
			phone: '7999',
			type: 'mass',
			comment: 'x',
		});
		expect(simplifyBlacklistEntry({ id: 1, phone: '7', type: 2 }, 'phones').type).toBe('single');
		expect(simplifyBlacklistEntry({ id: 1, phone: '7', type: 0 }, 'phones').type).toBe('all');
	});

	it('smscErrorCode reads the code the transport attaches', () => {
		expect(smscErrorCode({ errorResponse: { smscErrorCode: 3 } })).toBe(3);
		expect(smscErrorCode(new Error('x'))).toBeUndefined();
		expect(smscErrorCode(undefined)).toBeUndefined();
	});
});
