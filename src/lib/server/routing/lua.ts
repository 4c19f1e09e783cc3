/**
 * The live matching state and its atomic steps. Every script takes the key prefix as ARGV[1]
 * (the console runs on a single Redis, not a cluster). Keys, under `<prefix>:r:`:
 *   a:<agent>   hash  st, since, offer, call, miss, idx ("index=base …")
 *   sk:<agent>  hash  skill fields (m:<matter>, d:<dept>, l:<lang>, sign, eld) → level
 *   f:<field>   hash  the same levels by field: agent → level (one read ranks many candidates)
 *   av:<index>  zset  available agents (any, d:<dept>, sign), score = idle-since ms
 *   on:<index>  zset  online agents (any state but offline), for "why waiting"
 *   online      set   agents not offline (presence sweep)
 *   c:<call>    hash  st, b (bucket), s (queue score), e (elderly), offer, agent, eo, v (version);
 *                     st=over is a day-long marker of a finished call
 *   c:<call>:tr zset  agents already offered this call → when (not re-offered during the cool-down
 *                     while another eligible seat is free); −when: kept away (transferred it)
 *   q:<bucket>  zset  waiting calls of one requirement, score = queue score
 *   qb          set   non-empty buckets (a freed agent checks only these)
 *   o:<offer>   hash  call, agent, exp, st
 *   oexp        zset  pending offers by expiry (sweep of lost timers)
 * Every loop is bounded: candidates per index (K), calls looked at per bucket (S).
 */
export const COMMON = `
local P = ARGV[1] .. ':r:'
local function parse(checks)
  local groups = {}
  for g in string.gmatch(checks, '[^;]+') do
    local alts = {}
    for a in string.gmatch(g, '[^|]+') do
      local f, m = string.match(a, '^(.-)>=(%d+)$')
      if f then alts[#alts + 1] = {f, tonumber(m)} else alts[#alts + 1] = {a, 1} end
    end
    groups[#groups + 1] = alts
  end
  return groups
end
local function split(b)
  local i = string.find(b, '#', 1, true)
  return string.sub(b, 1, i - 1), string.sub(b, i + 1)
end
local function eachIdx(agent, fn)
  local idx = redis.call('HGET', P .. 'a:' .. agent, 'idx') or ''
  for tok in string.gmatch(idx, '%S+') do
    local ix, base = string.match(tok, '^(.*)=(.-)$')
    fn(ix, tonumber(base))
  end
end
local function setAvail(agent, now)
  eachIdx(agent, function(ix, base) redis.call('ZADD', P .. 'av:' .. ix, base + now, agent) end)
  redis.call('HSET', P .. 'a:' .. agent, 'st', 'available', 'since', now)
end
local function unAvail(agent)
  eachIdx(agent, function(ix) redis.call('ZREM', P .. 'av:' .. ix, agent) end)
end
local function setOnline(agent)
  eachIdx(agent, function(ix, base) redis.call('ZADD', P .. 'on:' .. ix, base, agent) end)
  redis.call('SADD', P .. 'online', agent)
end
local function unOnline(agent)
  eachIdx(agent, function(ix) redis.call('ZREM', P .. 'on:' .. ix, agent) end)
  redis.call('SREM', P .. 'online', agent)
end
local function dequeue(call)
  local b = redis.call('HGET', P .. 'c:' .. call, 'b')
  if not b then return end
  redis.call('ZREM', P .. 'q:' .. b, call)
  if redis.call('ZCARD', P .. 'q:' .. b) == 0 then redis.call('SREM', P .. 'qb', b) end
end
local function enqueue(call)
  local ck = P .. 'c:' .. call
  local b = redis.call('HGET', ck, 'b')
  redis.call('ZADD', P .. 'q:' .. b, redis.call('HGET', ck, 's'), call)
  redis.call('SADD', P .. 'qb', b)
end
-- an agent who let this call pass is not offered it again until the cool-down is over; a
-- negative time marks an agent kept away on purpose (the one who transferred the call)
local function fresh(tried, agent, now, cool)
  local t = redis.call('ZSCORE', tried, agent)
  return (not t) or (now - math.abs(tonumber(t)) >= cool)
end
local function reserve(agent, call, offer, now, exp)
  unAvail(agent)
  redis.call('HSET', P .. 'a:' .. agent, 'st', 'offered', 'offer', offer, 'call', call, 'since', now)
  dequeue(call)
  redis.call('HSET', P .. 'c:' .. call, 'st', 'offered', 'offer', offer, 'agent', agent)
  redis.call('ZADD', P .. 'c:' .. call .. ':tr', now, agent)
  redis.call('HSET', P .. 'o:' .. offer, 'call', call, 'agent', agent, 'exp', exp, 'st', 'pending')
  redis.call('ZADD', P .. 'oexp', exp, offer)
  return redis.call('HINCRBY', P .. 'c:' .. call, 'v', 1)
end
`;

/** Offer not taken (declined/expired/withdrawn): call back at its place, agent per ARGV[4]. ARGV: P, offer, outcome, next, maxMisses, now. */
export const RELEASE =
	COMMON +
	`
local offer, outcome, nextSt, maxMiss, now = ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
local ok = P .. 'o:' .. offer
if redis.call('HGET', ok, 'st') ~= 'pending' then return {'gone', '', '', ''} end
local call, agent = redis.call('HGET', ok, 'call'), redis.call('HGET', ok, 'agent')
redis.call('HSET', ok, 'st', outcome)
redis.call('EXPIRE', ok, 86400)
redis.call('ZREM', P .. 'oexp', offer)
local ck = P .. 'c:' .. call
local v = 0
if redis.call('HGET', ck, 'offer') == offer and redis.call('HGET', ck, 'st') == 'offered' then
  v = redis.call('HINCRBY', ck, 'v', 1)
  redis.call('HSET', ck, 'st', 'queued')
  redis.call('HDEL', ck, 'offer', 'agent')
  if outcome == 'withdrawn' then redis.call('ZREM', ck .. ':tr', agent) end
  enqueue(call)
end
local ak = P .. 'a:' .. agent
if redis.call('HGET', ak, 'offer') ~= offer then return {'released', call, agent, '', v} end
redis.call('HDEL', ak, 'offer', 'call')
local misses = tonumber(redis.call('HGET', ak, 'miss') or '0')
if outcome ~= 'withdrawn' then misses = redis.call('HINCRBY', ak, 'miss', 1) end
if nextSt == 'auto' then
  if misses >= maxMiss then nextSt = 'break' else nextSt = 'available' end
end
if nextSt == 'available' then setAvail(agent, now)
else
  redis.call('HSET', ak, 'st', nextSt, 'since', now)
  if nextSt == 'break' then redis.call('HSET', ak, 'miss', 0) end
  if nextSt == 'offline' then unOnline(agent) end
end
return {'released', call, agent, nextSt, v}
`;

/** Accept, at most once and only before expiry. ARGV: P, offer, agent, now. */
export const ACCEPT =
	COMMON +
	`
local offer, agent, now = ARGV[2], ARGV[3], tonumber(ARGV[4])
local ok = P .. 'o:' .. offer
if redis.call('HGET', ok, 'st') ~= 'pending' or redis.call('HGET', ok, 'agent') ~= agent then return {'gone', ''} end
if tonumber(redis.call('HGET', ok, 'exp')) < now then return {'gone', ''} end
local call = redis.call('HGET', ok, 'call')
redis.call('HSET', ok, 'st', 'accepted')
redis.call('EXPIRE', ok, 86400)
redis.call('ZREM', P .. 'oexp', offer)
redis.call('HSET', P .. 'c:' .. call, 'st', 'connected')
redis.call('HDEL', P .. 'c:' .. call, 'offer')
redis.call('HSET', P .. 'a:' .. agent, 'st', 'busy', 'miss', 0, 'since', now, 'call', call)
redis.call('HDEL', P .. 'a:' .. agent, 'offer')
return {'accepted', call, redis.call('HINCRBY', P .. 'c:' .. call, 'v', 1)}
`;

/**
 * Sets an agent's state. `available` re-indexes from ARGV[5] (fresh skills) unless the agent is
 * offered or in a call; `break`/`offline` refuse while an offer is pending (the caller releases
 * it first) or a live call is connected unless forced; `busy`/`wrap_up` follow the call.
 * ARGV: P, agent, state, now, idx, force.
 */
export const SET_AGENT =
	COMMON +
	`
local agent, st, now, idx, force = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6] == '1'
local ak = P .. 'a:' .. agent
local cur = redis.call('HGET', ak, 'st') or 'offline'
if cur == 'offered' and (st == 'available' or st == 'break' or st == 'offline') then
  return {'offered', redis.call('HGET', ak, 'offer') or ''}
end
if cur == 'busy' and not force and st ~= 'busy' and st ~= 'wrap_up' then
  -- busy only while the call is live: an agent left busy by a call that is over is let go
  local c = redis.call('HGET', ak, 'call')
  local cst = c and redis.call('HGET', P .. 'c:' .. c, 'st')
  if cst and cst ~= 'over' then return {'in_call', cur} end
end
if st == 'available' then
  if cur == 'available' and idx == '' then return {'ok', cur} end
  if cur == 'available' then unAvail(agent) end
  unOnline(agent)
  if idx ~= '' then redis.call('HSET', ak, 'idx', idx) end
  setOnline(agent)
  setAvail(agent, now)
  redis.call('HDEL', ak, 'call')
  return {'ok', cur}
end
if cur == 'available' then unAvail(agent) end
if st == 'offline' then unOnline(agent) elseif cur == 'offline' then setOnline(agent) end
redis.call('HSET', ak, 'st', st, 'since', now)
if st == 'break' or st == 'offline' then redis.call('HDEL', ak, 'call') end
return {'ok', cur}
`;

/**
 * Re-indexes an agent after a skill change without changing its state: an available agent
 * keeps its idle-since (its place among idle seats), an online one its online indexes; an
 * offline agent only keeps the new index list for when it comes back. Returns the state.
 * ARGV: P, agent, idx.
 */
export const REINDEX =
	COMMON +
	`
local agent, idx = ARGV[2], ARGV[3]
local ak = P .. 'a:' .. agent
local cur = redis.call('HGET', ak, 'st') or 'offline'
if cur == 'available' then unAvail(agent) end
if cur ~= 'offline' then unOnline(agent) end
redis.call('HSET', ak, 'idx', idx)
if cur ~= 'offline' then setOnline(agent) end
if cur == 'available' then
  setAvail(agent, tonumber(redis.call('HGET', ak, 'since') or '0'))
end
return cur
`;

/** 1-based position of a waiting call in its bucket, read atomically (escalation may move it). ARGV: P, call. */
export const POSITION = `
local P = ARGV[1] .. ':r:'
local ck = P .. 'c:' .. ARGV[2]
if redis.call('HGET', ck, 'st') ~= 'queued' then return false end
local r = redis.call('ZRANK', P .. 'q:' .. redis.call('HGET', ck, 'b'), ARGV[2])
if not r then return false end
return r + 1
`;

/**
 * Replaces an agent's skill levels, in `sk:<agent>` and in the per-field hashes, unless they are
 * the ones stored already (same digest). ARGV: P, agent, digest, then field, level pairs.
 */
export const WRITE_SKILLS = `
local P = ARGV[1] .. ':r:'
local agent, digest = ARGV[2], ARGV[3]
local sk = P .. 'sk:' .. agent
if redis.call('HGET', P .. 'a:' .. agent, 'skd') == digest and redis.call('EXISTS', sk) == 1 then
  return 'same'
end
redis.call('HSET', P .. 'a:' .. agent, 'skd', digest)
local new = {}
for i = 4, #ARGV, 2 do new[ARGV[i]] = ARGV[i + 1] end
for _, f in ipairs(redis.call('HKEYS', sk)) do
  if not new[f] then redis.call('HDEL', P .. 'f:' .. f, agent) end
end
redis.call('DEL', sk)
for f, lv in pairs(new) do
  redis.call('HSET', sk, f, lv)
  redis.call('HSET', P .. 'f:' .. f, agent, lv)
end
return 'ok'
`;
