import {
	fileType,
	inRange,
	MMS_FILE_TYPES,
	messageLength,
	outOfRange,
	validTimeZone,
	validValidity,
} from '../../../../nodes/shared/smsc/rules';
import { decodeHlr } from '../../../../nodes/shared/smsc/hlr';

describe('validValidity: 1 to 24 hours, or hh:mm from 00:01 to 24:00', () => {
	it.each(['1', '24', '00:01', '0:05', '24:00', '12:30'])('accepts %s', (raw) =>
		expect(validValidity(raw)).toBe(true),
	);
	it.each(['0', '25', '00:00', '24:01', '1:60', '1.5', '', 'x'])('refuses %s', (raw) =>
		expect(validValidity(raw)).toBe(false),
	);
});

describe('validTimeZone: hours from Moscow, -15 to 11', () => {
	it.each(['-15', '0', '+3', '11', '2.5'])('accepts %s', (raw) =>
		expect(validTimeZone(raw)).toBe(true),
	);
	it.each(['-16', '12', 'UTC', '', '1e1'])('refuses %s', (raw) =>
		expect(validTimeZone(raw)).toBe(false),
	);
});

describe('messageLength', () => {
	it('counts characters, not UTF-16 units', () => {
		expect(messageLength('😀a')).toBe(2);
		expect('😀a'.length).toBe(3);
	});
});

describe('decodeHlr', () => {
	it('decodes urlencoded text values and leaves plain ones', () => {
		expect(
			decodeHlr({ imsi: '250019999999999', net: 'Beeline+%26+Co', cn: 'Russia', mcc: '250' }),
		).toEqual({
			imsi: '250019999999999',
			net: 'Beeline & Co',
			cn: 'Russia',
			mcc: '250',
		});
		expect(decodeHlr({ status: '1' })).toBeUndefined();
	});
});

describe("fileType: the extension SMSC's MMS list names", () => {
	it("takes the file name's extension, lower case, jpeg as jpg, else n8n's fileExtension", () => {
		expect(fileType('Photo.JPEG')).toBe('jpg');
		expect(fileType('clip.3gp')).toBe('3gp');
		expect(fileType('recording', 'mp3')).toBe('mp3');
		expect(fileType('README')).toBe('');
		// the page's list: "text (txt), images (jpg, gif, png), music (wav, amr, mp3, mid) and video (mp4, 3gp)"
		expect(MMS_FILE_TYPES).toEqual('txt jpg gif png wav amr mp3 mid mp4 3gp'.split(' '));
	});
});

describe('inRange and outOfRange: the one check and wording of a number field', () => {
	const limit = { min: 1, max: Infinity, whole: true };
	const period = { min: 0.1, max: 720 };
	it('takes numbers and numeric text within the range, whole ones only when the range says so', () => {
		expect([1, '7', 1e9].map((value) => inRange(value, limit))).toEqual([true, true, true]);
		expect(
			[0, 1.5, '', ' ', 'x', null, undefined, NaN, Infinity].some((value) => inRange(value, limit)),
		).toBe(false);
		expect([0.1, '2.5', 720].every((value) => inRange(value, period))).toBe(true);
		expect([0.05, 720.5].some((value) => inRange(value, period))).toBe(false);
	});

	it('names the field, the value and the range, or says the field is empty', () => {
		expect(outOfRange('Limit', 0, limit)).toBe('Limit "0" is not a whole number of 1 or more.');
		expect(outOfRange('Spread Over (Hours)', '721', period)).toBe(
			'Spread Over (Hours) "721" is not a number from 0.1 to 720.',
		);
		expect(outOfRange('Limit', ' ', limit)).toBe(
			'The Limit is empty. Enter a whole number of 1 or more.',
		);
	});
});
