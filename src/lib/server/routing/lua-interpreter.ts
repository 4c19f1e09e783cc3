import { COMMON } from './lua';

/**
 * Offers a connected call to one available sign-language seat as its interpreter: the call itself
 * is not touched (the caller is never put on hold). One pending request per call; seats that
 * already had this call's request are not asked again. ARGV: P, call, offer, now, exp, K, exclude.
 */
export const INTERPRETER_OFFER = `${COMMON}
local call, offer, now, exp, K, excl = ARGV[2], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), ARGV[7]
local ck = P .. 'c:' .. call
if redis.call('HGET', ck, 'st') ~= 'connected' then return {'not_connected', ''} end
local io = redis.call('HGET', ck, 'io')
if io and redis.call('HGET', P .. 'o:' .. io, 'st') == 'pending' then return {'pending', io} end
local tried = ck .. ':it'
for _, a in ipairs(redis.call('ZRANGE', P .. 'av:sign', 0, K - 1)) do
  if a ~= excl and redis.call('SISMEMBER', tried, a) == 0
    and tonumber(redis.call('HGET', P .. 'sk:' .. a, 'sign') or '0') > 0 then
    unAvail(a)
    redis.call('HSET', P .. 'a:' .. a, 'st', 'offered', 'offer', offer, 'call', call, 'since', now)
    redis.call('HSET', ck, 'io', offer)
    redis.call('SADD', tried, a)
    redis.call('EXPIRE', tried, 86400)
    redis.call('HSET', P .. 'o:' .. offer, 'call', call, 'agent', a, 'exp', exp, 'st', 'pending', 'k', 'interpreter')
    redis.call('ZADD', P .. 'oexp', exp, offer)
    return {'offered', a}
  end
end
return {'none', ''}
`;

/** The interpreter takes the request, only while the call is still connected. ARGV: P, offer, agent, now. */
export const INTERPRETER_ACCEPT = `${COMMON}
local offer, agent, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
local ok = P .. 'o:' .. offer
if redis.call('HGET', ok, 'st') ~= 'pending' or redis.call('HGET', ok, 'agent') ~= agent then return {'gone', ''} end
if tonumber(redis.call('HGET', ok, 'exp')) < now then return {'gone', ''} end
local call = redis.call('HGET', ok, 'call')
local ck = P .. 'c:' .. call
if redis.call('HGET', ck, 'st') ~= 'connected' then return {'ended', call} end
redis.call('HSET', ok, 'st', 'accepted')
redis.call('EXPIRE', ok, 86400)
redis.call('ZREM', P .. 'oexp', offer)
redis.call('HDEL', ck, 'io')
local ak = P .. 'a:' .. agent
redis.call('HSET', ak, 'st', 'busy', 'miss', 0, 'since', now, 'call', call)
redis.call('HDEL', ak, 'offer')
return {'accepted', call}
`;
