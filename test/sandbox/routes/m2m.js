'use strict';
/**
 * M2M orders and subscriptions. Stateful: an activation creates a pending order and a
 * pending subscription (the `m2mOrderState` event completes it: the subscription becomes
 * active); deactivation cancels the subscription, reactivation brings it back, converting a
 * company subscription creates an M2M one. Charges (CSV) are built from the subscriptions.
 */
const { HttpError, send } = require('../http');
const { findOr404 } = require('../state');
const { formatNumber } = require('../fixtures');

/** Monthly price per product (DKK); other m2m-* products cost DEFAULT_PRICE. */
const PRICES = { 'm2m-small-one': 29, 'm2m-large-one': 79 };
const DEFAULT_PRICE = 49;
const CHARGE_COLUMNS = [
	'subscription_id',
	'subscription_state',
	'phone_number',
	'product_name',
	'icc',
	'type',
	'count',
	'dkk_to_vat',
	'dkk_no_vat',
	'subscription_activated_on',
	'subscription_cancelled_on',
	'formatted_phone_number',
	'description',
];

function luhnDigit(payload) {
	let sum = 0;
	for (let i = 0; i < payload.length; i++) {
		let n = Number(payload[payload.length - 1 - i]);
		if (i % 2 === 0) {
			n *= 2;
			if (n > 9) n -= 9;
		}
		sum += n;
	}
	return (10 - (sum % 10)) % 10;
}

/** A valid Danish ICC (89 45 ...) with serial `n`: 19 digits + Luhn check digit. */
function iccFor(n) {
	const payload = `894501234567${String(n).padStart(7, '0')}`;
	return payload + luhnDigit(payload);
}

/** Relatel's own example ICC (89450123456789012346) has no valid check digit: only the form is checked. */
function validIcc(icc) {
	return /^89\d{17,18}$/.test(icc);
}

function today(state) {
	return state.iso().slice(0, 10);
}

function subscription(fields) {
	return {
		id: fields.id,
		description: fields.description ?? null,
		order_id: fields.order_id,
		product_name: fields.product_name,
		state: fields.state ?? 'active',
		icc_id: fields.icc_id,
		ordered_on: fields.ordered_on,
		activated_on: fields.activated_on ?? null,
		cancelled_on: fields.cancelled_on ?? null,
		contract_expired_on: fields.contract_expired_on ?? null,
		overuse_limit_dkk: fields.overuse_limit_dkk ?? 0,
		// Not served (the docs' subscription has no number); used for orders and charges.
		number: fields.number,
		usage: fields.usage ?? [],
	};
}

/** A subscription as Relatel's docs show it. */
function publicSubscription(s) {
	const { number: _number, usage: _usage, ...rest } = s;
	return rest;
}

function order(state, fields) {
	const at = state.iso();
	const o = {
		id: fields.id ?? state.nextId('m2m_order', 1300),
		type: fields.type,
		state: fields.state ?? 'completed',
		pending_tasks: (fields.state ?? 'completed') === 'pending',
		icc_id: fields.icc_id ?? null,
		number: fields.number ?? null,
		subscription_id: fields.subscription_id ?? null,
		description: fields.description ?? null,
		product_name: fields.product_name ?? null,
		created_at: fields.created_at ?? at,
		updated_at: fields.updated_at ?? fields.created_at ?? at,
	};
	if (fields.recycle_sim !== undefined) o.recycle_sim = fields.recycle_sim;
	state.db.m2m_orders.push(o);
	return o;
}

function seed(state) {
	state.db.m2m_subscriptions = [
		subscription({
			id: 4567,
			description: 'Gylletank 34',
			order_id: 1234,
			product_name: 'm2m-small-one',
			icc_id: iccFor(1),
			number: '4571991234',
			ordered_on: '2024-01-10',
			activated_on: '2024-01-10',
			contract_expired_on: '2024-07-10',
			overuse_limit_dkk: 1500,
			usage: [
				{ type: 'data', count: 2048, dkk_to_vat: 0, dkk_no_vat: 0 },
				{ type: 'sms_roam', count: 123, dkk_to_vat: 5.34, dkk_no_vat: 0 },
			],
		}),
		subscription({
			id: 4568,
			description: 'Traktor 12, "Big Blue"',
			order_id: 1235,
			product_name: 'm2m-large-one',
			icc_id: iccFor(2),
			number: '4571991235',
			ordered_on: '2024-02-01',
			activated_on: '2024-02-02',
			contract_expired_on: '2024-08-02',
			overuse_limit_dkk: 250,
			usage: [{ type: 'data', count: 10240, dkk_to_vat: 12.5, dkk_no_vat: 0 }],
		}),
		subscription({
			id: 4569,
			description: 'Gammel alarm',
			order_id: 1236,
			product_name: 'm2m-small-one',
			state: 'cancelled',
			icc_id: iccFor(3),
			number: '4571991236',
			ordered_on: '2023-05-01',
			activated_on: '2023-05-01',
			cancelled_on: '2024-06-01',
			contract_expired_on: '2023-11-01',
		}),
	];
	state.db.m2m_orders = [];
	const seeded = [
		// The docs' list spells the types ActivateM2M; the order answers spell them ActivateM2m.
		[1234, 'Order::ActivateM2M', 4567, '2024-01-10T09:00:00Z'],
		[1235, 'Order::ActivateM2M', 4568, '2024-02-01T09:00:00Z'],
		[1236, 'Order::ActivateM2M', 4569, '2023-05-01T09:00:00Z'],
		[1237, 'Order::DeactivateM2M', 4569, '2024-06-01T09:00:00Z'],
	];
	for (const [id, type, subscriptionId, at] of seeded) {
		const s = state.db.m2m_subscriptions.find((x) => x.id === subscriptionId);
		order(state, {
			id,
			type,
			state: 'completed',
			icc_id: s.icc_id,
			number: s.number,
			subscription_id: s.id,
			description: s.description,
			product_name: s.product_name,
			created_at: at,
		});
	}
}

function subscriptionById(state, id) {
	return findOr404(state.db.m2m_subscriptions, (s) => String(s.id) === String(id), 'M2M subscription');
}

function orderBody(body) {
	const o = body?.order;
	if (!o || typeof o !== 'object') throw new HttpError(422, { errors: { order: ['is missing'] } });
	return o;
}

function requireNumber(o) {
	const number = String(o.number ?? '');
	if (!/^[1-9]\d{8,14}$/.test(number)) throw new HttpError(422, { errors: { number: ['is invalid'] } });
	return number;
}

function requireProduct(value, field) {
	if (typeof value !== 'string' || !/^m2m-[a-z0-9-]+$/.test(value)) {
		throw new HttpError(422, { errors: { [field]: ['is not a known M2M product'] } });
	}
	return value;
}

function requireRecycle(o) {
	if (o.recycle_sim !== undefined && typeof o.recycle_sim !== 'boolean') {
		throw new HttpError(422, { errors: { recycle_sim: ['must be true or false'] } });
	}
	return Boolean(o.recycle_sim);
}

function newNumber(state) {
	return `4571${state.nextId('m2m_number', 991300)}`;
}

function activate({ state, body }) {
	const o = orderBody(body);
	const icc = String(o.icc_id ?? '');
	if (!validIcc(icc)) throw new HttpError(422, { errors: { icc_id: ['is invalid'] } });
	const product = requireProduct(o.product_name, 'product_name');
	if (state.db.m2m_subscriptions.some((s) => s.icc_id === icc && s.state !== 'cancelled')) {
		throw new HttpError(422, { errors: { icc_id: ['is already in use'] } });
	}
	const orderId = state.nextId('m2m_order', 1300);
	const s = subscription({
		id: state.nextId('m2m_subscription', 4600),
		description: typeof o.description === 'string' ? o.description : null,
		order_id: orderId,
		product_name: product,
		state: 'pending',
		icc_id: icc,
		number: newNumber(state),
		ordered_on: today(state),
	});
	state.db.m2m_subscriptions.push(s);
	const created = order(state, {
		id: orderId,
		type: 'Order::ActivateM2m',
		state: 'pending',
		icc_id: icc,
		number: s.number,
		subscription_id: s.id,
		description: s.description,
		product_name: product,
	});
	return { order: pick(created, ['id', 'type', 'state', 'icc_id', 'number', 'subscription_id']) };
}

function byNumber(state, number, states) {
	const s = state.db.m2m_subscriptions.find((x) => x.number === number && states.includes(x.state));
	if (!s) throw new HttpError(422, { errors: { number: [`has no ${states.join(' or ')} M2M subscription`] } });
	return s;
}

function deactivate({ state, body }) {
	const o = orderBody(body);
	const s = byNumber(state, requireNumber(o), ['active', 'pending']);
	const recycle = requireRecycle(o);
	s.state = 'cancelled';
	s.cancelled_on = today(state);
	const created = order(state, {
		type: 'Order::DeactivateM2m',
		icc_id: s.icc_id,
		number: s.number,
		subscription_id: s.id,
		recycle_sim: recycle,
	});
	return { order: pick(created, ['id', 'type', 'state', 'icc_id', 'number', 'subscription_id']) };
}

function reactivate({ state, body }) {
	const o = orderBody(body);
	const s = byNumber(state, requireNumber(o), ['cancelled']);
	requireRecycle(o);
	s.state = 'active';
	s.cancelled_on = null;
	const created = order(state, { type: 'Order::ReactivateM2m', icc_id: s.icc_id, number: s.number, subscription_id: s.id });
	return { order: pick(created, ['id', 'icc_id', 'number', 'subscription_id']) };
}

function convert({ state, body }) {
	const o = orderBody(body);
	const number = requireNumber(o);
	const product = requireProduct(o.mm, 'mm');
	if (state.db.m2m_subscriptions.some((s) => s.number === number && s.state !== 'cancelled')) {
		throw new HttpError(422, { errors: { number: ['is already an M2M subscription'] } });
	}
	const orderId = state.nextId('m2m_order', 1300);
	const s = subscription({
		id: state.nextId('m2m_subscription', 4600),
		order_id: orderId,
		product_name: product,
		icc_id: iccFor(state.nextId('m2m_icc', 500)),
		number,
		ordered_on: today(state),
		activated_on: today(state),
	});
	state.db.m2m_subscriptions.push(s);
	const created = order(state, {
		id: orderId,
		type: 'Order::CompanyM2mToM2m',
		icc_id: s.icc_id,
		number,
		subscription_id: s.id,
		product_name: product,
	});
	return { order: pick(created, ['id', 'type', 'state', 'number', 'subscription_id']) };
}

function update({ state, params, body }) {
	const s = subscriptionById(state, params.id);
	const changes = body?.subscription;
	if (!changes || typeof changes !== 'object') throw new HttpError(422, { errors: { subscription: ['is missing'] } });
	for (const [key, value] of Object.entries(changes)) {
		if (key === 'description') {
			if (typeof value !== 'string') throw new HttpError(422, { errors: { description: ['must be text'] } });
		} else if (key === 'overuse_limit_dkk') {
			if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
				throw new HttpError(422, { errors: { overuse_limit_dkk: ['must be greater than or equal to 0'] } });
			}
		} else throw new HttpError(422, { errors: { [key]: ['is not a known field'] } });
	}
	Object.assign(s, changes);
	return publicSubscription(s);
}

function csvField(value, quoted = true) {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return quoted ? `"${text.replace(/"/g, '""')}"` : text;
}

function money(n) {
	return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

/** The charges CSV: one row per subscription fee and per usage type, like the docs' example. */
function charges({ state, query, res }) {
	const numbers = [...query.getAll('numbers[]'), ...query.getAll('numbers')];
	const ids = [...query.getAll('subscription_ids[]'), ...query.getAll('subscription_ids')];
	const list = state.db.m2m_subscriptions.filter(
		(s) => (numbers.length === 0 || numbers.includes(s.number)) && (ids.length === 0 || ids.includes(String(s.id))),
	);
	const lines = [CHARGE_COLUMNS.join(',')];
	for (const s of list) {
		const fee = { type: 'subscription', count: 1, dkk_to_vat: PRICES[s.product_name] ?? DEFAULT_PRICE, dkk_no_vat: 0 };
		for (const charge of s.state === 'cancelled' ? s.usage : [fee, ...s.usage]) {
			lines.push(
				[
					csvField(s.id, false),
					csvField(s.state),
					csvField(s.number),
					csvField(s.product_name),
					csvField(s.icc_id),
					csvField(charge.type),
					csvField(charge.count),
					csvField(money(charge.dkk_to_vat)),
					csvField(money(charge.dkk_no_vat)),
					csvField(s.activated_on),
					csvField(s.cancelled_on),
					csvField(formatNumber(s.number)),
					csvField(s.description),
				].join(','),
			);
		}
	}
	send(res, 200, `${lines.join('\r\n')}\r\n`, { 'content-type': 'text/csv; charset=utf-8' });
	return undefined;
}

function pick(object, keys) {
	return Object.fromEntries(keys.map((key) => [key, object[key]]));
}

module.exports = {
	seed,
	iccFor,
	events: {
		/** Changes an order's state, e.g. { id, state: 'completed' }; completing an activation activates its subscription. */
		m2mOrderState: (state, { id, state: newState }) => {
			const o = findOr404(state.db.m2m_orders, (x) => String(x.id) === String(id), 'M2M order');
			if (typeof newState !== 'string' || !newState) throw new HttpError(422, { errors: { state: ["can't be blank"] } });
			o.state = newState;
			o.pending_tasks = newState === 'pending';
			// Always later than before, so "changed since" polling sees it.
			o.updated_at = state.iso(Math.max(state.now(), Date.parse(o.updated_at) + 1000));
			const s = state.db.m2m_subscriptions.find((x) => x.id === o.subscription_id);
			if (s && /^order::activatem2m$/i.test(o.type)) {
				if (newState === 'completed' && s.state === 'pending') {
					s.state = 'active';
					s.activated_on = today(state);
				} else if (['failed', 'cancelled', 'rejected'].includes(newState)) {
					s.state = 'cancelled';
					s.cancelled_on = today(state);
				}
			}
			return o;
		},
	},
	routes: [
		['GET', '/m2m/orders', ({ state }) => ({ orders: state.db.m2m_orders })],
		['POST', '/m2m/orders/activate', activate],
		['POST', '/m2m/orders/deactivate', deactivate],
		['POST', '/m2m/orders/reactivate', reactivate],
		['POST', '/m2m/orders/company_m2m_to_m2m', convert],
		['GET', '/m2m/subscriptions/:id', ({ state, params }) => publicSubscription(subscriptionById(state, params.id))],
		['PUT', '/m2m/subscriptions/:id', update],
		['GET', '/m2m/charges', charges],
	],
};
