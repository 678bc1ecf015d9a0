// SPDX-License-Identifier: ISC
// Generate trust-policy cases for the differential test, one JSON object
// a line: {id, trust, issuer, ns, name, aud, aud_annotated,
// provider_in_inputs, cluster_in_inputs}.  The same seed always gives
// the same cases (a PRNG of our own, not Math.random).
//
//	node gen.js [-n N] [-s SEED] > cases.jsonl
'use strict';

const ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';
const GITHUB = 'token.actions.githubusercontent.com';

// xorshift32 seeded through splitmix32, so that small seeds differ.
function makeRng(seed) {
	let s = (seed >>> 0) + 0x9e3779b9;
	s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
	s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
	s = (s ^ (s >>> 16)) >>> 0 || 1;
	const next = () => {
		s ^= s << 13; s >>>= 0;
		s ^= s >>> 17;
		s ^= s << 5; s >>>= 0;
		return s;
	};
	const r = {
		int: (n) => next() % n,
		chance: (p) => next() / 4294967296 < p,
		pick: (a) => a[next() % a.length],
		// weighted: [[weight, value], ...]
		wpick: (a) => {
			let t = 0;
			for (const [w] of a) t += w;
			let x = next() % t;
			for (const [w, v] of a) {
				if (x < w) return v;
				x -= w;
			}
			return a[a.length - 1][1];
		},
		shuffle: (a) => {
			for (let i = a.length - 1; i > 0; i--) {
				const j = next() % (i + 1);
				[a[i], a[j]] = [a[j], a[i]];
			}
			return a;
		}
	};
	return r;
}

function hex32(rng) {
	let s = '';
	for (let i = 0; i < 32; i++) s += '0123456789ABCDEF'[rng.int(16)];
	return s;
}

const REGIONS = ['us-west-2', 'us-east-1', 'eu-central-1', 'ap-southeast-2'];

// ServiceAccounts whose names are close to one another.
const SAS = [
	['payments', 'api'], ['payments', 'api-worker'], ['payment', 'api'],
	['payments-staging', 'api'], ['payments', 'ap'],
	['kube-system', 'aws-load-balancer-controller'],
	['kube-system', 'aws-load-balancer-controler'],
	['kube-system', 'ebs-csi-controller-sa'],
	['kube-system', 'cluster-autoscaler'],
	['default', 'default'], ['monitoring', 'prometheus']
];

const sub = (ns, name) => `system:serviceaccount:${ns}:${name}`;

// A subject value for the token's ServiceAccount: exact, near, wild.
function subValue(rng, c) {
	const { ns, name } = c;
	return rng.wpick([
		[30, () => sub(ns, name)],
		[14, () => { const o = rng.pick(SAS); return sub(o[0], o[1]); }],
		[4, () => sub(ns.toUpperCase().slice(0, 1) + ns.slice(1), name)],
		[3, () => sub(ns, name.slice(0, -1))],
		[3, () => sub(ns, name + 's')],
		[2, () => `${ns}:${name}`],
		[2, () => `system:serviceaccounts:${ns}`],
		[8, () => sub(ns, '*')],
		[5, () => sub('*', name)],
		[3, () => sub(ns.slice(0, 3) + '*', name)],
		[3, () => sub(ns, name.slice(0, -1) + '?')],
		[3, () => sub(ns, name + '*')],
		[3, () => 'system:serviceaccount:*'],
		[2, () => '*'],
		[2, () => sub('?' + ns.slice(1), name)],
		[2, () => sub(ns, name).toUpperCase()]
	])();
}

function audValue(rng, c) {
	return rng.wpick([
		[30, 'sts.amazonaws.com'], [4, 'STS.amazonaws.com'],
		[4, 'sts.*'], [3, '*'], [5, 'my-audience'],
		[3, c.aud], [2, 'sts.amazonaws.com.cn'], [2, 'https://sts.amazonaws.com']
	]);
}

const ARNS = [
	`arn:aws:iam::${ACCOUNT}:oidc-provider/*`,
	'arn:aws:iam::*:role/*',
	`arn:aws:sts::${ACCOUNT}:assumed-role/r/*`,
	'arn:aws:*:*:*:*'
];

// Condition keys, by kind; tok is the token's issuer, oth another one.
function keyFor(rng, kind, c) {
	switch (kind) {
	case 'sub': case 'aud': case 'amr': case 'email': case 'azp':
		return `${c.issuer}:${kind}`;
	case 'osub': return `${c.other}:sub`;
	case 'oaud': return `${c.other}:aud`;
	default:
		return rng.pick(['aws:SecureTransport', 'aws:RequestedRegion',
		    'aws:PrincipalTag/team', 'aws:PrincipalArn',
		    'aws:FederatedProvider', 'sts:RoleSessionName']);
	}
}

// Vary the case of a key as IAM users sometimes write it.
function caseVary(rng, key) {
	const i = key.lastIndexOf(':');
	return rng.wpick([
		[3, () => key.slice(0, i + 1) + key.slice(i + 1).toUpperCase()],
		[2, () => key.slice(0, i).toUpperCase() + key.slice(i)],
		[2, () => key.charAt(0).toUpperCase() + key.slice(1)],
		[1, () => key.toLowerCase()]
	])();
}

function oneValue(rng, op, kind, c) {
	if (op === 'Null') return rng.pick(['true', 'false', true, false]);
	if (op === 'Bool') return rng.pick(['true', 'false', true]);
	if (op.startsWith('Arn')) {
		if (kind === 'aws' && rng.chance(0.7)) return rng.pick(ARNS);
		return kind === 'sub' || kind === 'osub' ? subValue(rng, c) :
		    rng.chance(0.5) ? rng.pick(ARNS) : audValue(rng, c);
	}
	switch (kind) {
	case 'sub': case 'osub': return subValue(rng, c);
	case 'aud': case 'oaud': return audValue(rng, c);
	case 'amr': return rng.pick(['authenticated', 'unauthenticated']);
	case 'email': return rng.pick(['ops@example.com', '*@example.com']);
	case 'azp': return rng.pick(['my-client', '*']);
	default: return rng.pick(['true', 'us-west-2', 'platform', '*']);
	}
}

function condition(rng, c) {
	const cond = {};
	const n = rng.wpick([[2, 0], [8, 1], [8, 2], [4, 3], [1, 4]]);
	for (let i = 0; i < n; i++) {
		const kind = rng.wpick([[30, 'sub'], [22, 'aud'], [4, 'amr'],
		    [3, 'email'], [3, 'azp'], [6, 'osub'], [4, 'oaud'],
		    [8, 'aws']]);
		let base = rng.wpick([[26, 'StringEquals'], [8, 'StringNotEquals'],
		    [20, 'StringLike'], [7, 'StringNotLike'],
		    [5, 'StringEqualsIgnoreCase'], [3, 'ArnLike'],
		    [2, 'ArnEquals'], [2, 'ArnNotLike'], [5, 'Null'],
		    [4, 'Bool']]);
		let op = base;
		if (base !== 'Null' && rng.chance(0.15)) op += 'IfExists';
		const set = rng.wpick([[70, ''], [15, 'ForAnyValue:'],
		    [15, 'ForAllValues:']]);
		if (base !== 'Null') op = set + op;
		let key = keyFor(rng, kind, c);
		if (rng.chance(0.12)) key = caseVary(rng, key);
		const nv = base === 'Null' || base === 'Bool' ? 1 :
		    rng.wpick([[6, 1], [3, 2], [1, 3]]);
		const vals = [];
		for (let j = 0; j < nv; j++) vals.push(oneValue(rng, base, kind, c));
		if (!cond[op]) cond[op] = {};
		cond[op][key] = nv === 1 && rng.chance(0.7) ? vals[0] : vals;
	}
	return cond;
}

const provider = (acct, iss) => `arn:aws:iam::${acct}:oidc-provider/${iss}`;

function principal(rng, c, allow) {
	const tok = provider(ACCOUNT, c.issuer);
	const oth = provider(ACCOUNT, c.other);
	return rng.wpick([
		[50, () => ({ Federated: tok })],
		[10, () => ({ Federated: oth })],
		[12, () => ({ Federated: rng.shuffle([tok, oth]) })],
		[4, () => ({ Federated: provider(OTHER_ACCOUNT, c.issuer) })],
		[3, () => ({ Federated: provider(ACCOUNT, GITHUB) })],
		[8, () => '*'],
		[8, () => ({ AWS: '*' })],
		[allow ? 3 : 0, () => ({ AWS: `arn:aws:iam::${ACCOUNT}:root` })]
	])();
}

function action(rng) {
	return rng.wpick([
		[55, ['Action', 'sts:AssumeRoleWithWebIdentity']],
		[8, ['Action', 'sts:*']],
		[7, ['Action', 'sts:AssumeRole']],
		[8, ['Action', ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']]],
		[4, ['Action', ['sts:AssumeRole', 'sts:TagSession']]],
		[3, ['Action', 'sts:AssumeRoleWith*']],
		[3, ['Action', 'STS:assumerolewithwebidentity']],
		[2, ['Action', '*']],
		[5, ['NotAction', 'sts:AssumeRole']],
		[3, ['NotAction', 'sts:AssumeRoleWithWebIdentity']],
		[2, ['NotAction', ['sts:TagSession']]]
	]);
}

function statement(rng, c, first) {
	const allow = first ? rng.chance(0.92) : rng.chance(0.55);
	const st = { Effect: allow ? 'Allow' : 'Deny' };
	st.Principal = principal(rng, c, allow);
	const [ak, av] = action(rng);
	st[ak] = Array.isArray(av) ? rng.shuffle(av.slice()) : av;
	const cond = condition(rng, c);
	if (Object.keys(cond).length > 0) st.Condition = cond;
	return st;
}

// Rebuild every object with its keys in a random order, and shuffle
// the value lists, so that no evaluator can lean on the order.
function shuffleCond(rng, cond) {
	const out = {};
	for (const op of rng.shuffle(Object.keys(cond))) {
		out[op] = {};
		for (const k of rng.shuffle(Object.keys(cond[op]))) {
			const v = cond[op][k];
			out[op][k] = Array.isArray(v) ? rng.shuffle(v.slice()) : v;
		}
	}
	return out;
}

function gen(rng, id, issuers) {
	const [ns, name] = rng.pick(SAS);
	const i = rng.int(issuers.length);
	let j = rng.int(issuers.length - 1);
	if (j >= i) j++;
	const c = {
		issuer: issuers[i], other: issuers[j], ns, name,
		aud: rng.chance(0.85) ? 'sts.amazonaws.com' :
		    rng.pick(['my-audience', 'vault'])
	};
	const n = rng.wpick([[5, 1], [3, 2], [2, 3]]);
	const sts = [];
	for (let k = 0; k < n; k++) {
		const st = statement(rng, c, k === 0);
		if (st.Condition) st.Condition = shuffleCond(rng, st.Condition);
		sts.push(st);
	}
	rng.shuffle(sts);
	return {
		id: `c${id}`,
		trust: { Version: '2012-10-17', Statement: sts },
		issuer: c.issuer, ns, name, aud: c.aud,
		aud_annotated: c.aud !== 'sts.amazonaws.com' || rng.chance(0.2),
		provider_in_inputs: rng.chance(0.5),
		cluster_in_inputs: rng.chance(0.8)
	};
}

function main(argv) {
	let n = 20000, seed = 1;
	for (let i = 2; i < argv.length; i++) {
		if (argv[i] === '-n') n = parseInt(argv[++i], 10);
		else if (argv[i] === '-s') seed = parseInt(argv[++i], 10);
		else {
			process.stderr.write('usage: node gen.js [-n N] [-s SEED]\n');
			process.exit(2);
		}
	}
	if (!(n >= 0) || !Number.isFinite(seed)) {
		process.stderr.write('gen.js: bad -n or -s\n');
		process.exit(2);
	}
	const rng = makeRng(seed);
	// Three clusters: each case takes the token's issuer and another.
	const issuers = [];
	for (let k = 0; k < 3; k++)
		issuers.push(`oidc.eks.${REGIONS[k]}.amazonaws.com/id/${hex32(rng)}`);
	const out = [];
	for (let id = 1; id <= n; id++)
		out.push(JSON.stringify(gen(rng, id, issuers)));
	process.stdout.write(out.join('\n') + (n > 0 ? '\n' : ''));
}

if (require.main === module)
	main(process.argv);

module.exports = { makeRng };
