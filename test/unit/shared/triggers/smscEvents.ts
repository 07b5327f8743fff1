/**
 * What SMSC sends for the events both trigger output shapes are tested with (not a test file):
 * normaliseCallback (SMSC Trigger 1–2, SMSC Poll Trigger 1) and describeEvent (the newer versions).
 */

/** A delivery status callback: undeliverable (status 20, error 1), plus a field SMSC may add. */
export const DELIVERY_STATUS = {
	id: '5',
	phone: '79991234567',
	status: '20',
	err: '1',
	cost: '2.50',
	time: '1735689600',
	extra: 'x',
};

/** An incoming SMS as SMSC's callback carries it (mes, to) ... */
export const INCOMING_CALLED = {
	id: '7',
	phone: '79991234567',
	mes: 'Hi',
	to: '74950000101',
	sent: '1735689600',
};

/** ... and the same SMS as get.php lists it (message, to_phone, numbers as numbers). */
export const INCOMING_LISTED = {
	id: 7,
	phone: '79991234567',
	message: 'Hi',
	to_phone: '74950000101',
	sent: 1735689600,
	received: '01.01.2025 03:00:01',
};
