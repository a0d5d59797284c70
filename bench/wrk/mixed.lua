-- The mixed scenario: 90 % reads (a third each: a page of 200 comments, the draft as
-- JSON, the reading page), 9 % comments, 1 % logins, chosen at random per request.
-- Run with as many threads as connections (-t N -c N): each thread then has one
-- connection, so request() and response() alternate and we can time each request
-- ourselves, per kind, with a monotonic clock through LuaJIT's FFI.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local tspec = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, tspec) -- CLOCK_MONOTONIC
  return tonumber(tspec.tv_sec) * 1000000 + tonumber(tspec.tv_nsec) / 1000
end

local draft = os.getenv("BENCH_DRAFT")
local page_path = os.getenv("BENCH_PAGE_PATH")
local password = os.getenv("BENCH_PASSWORD")
local tokens, paragraphs, emails = {}, {}, {}
local n, started, kind = 0, 0, nil
-- Flat tables ("kind:bucket" -> count, "kind:status" -> count): wrk 4.1's thread:get()
-- crashes copying nested tables between Lua states.
hist = {}   -- bucket of 100 µs
codes = {}

local function lines(path)
  local t = {}
  for l in io.lines(path) do if l ~= "" then t[#t + 1] = l end end
  return t
end

function setup(thread)
  BENCH_NEXT_TID = (BENCH_NEXT_TID or 0) + 1
  thread:set("tid", BENCH_NEXT_TID)
  threads = threads or {}
  threads[#threads + 1] = thread
end

function init(args)
  tokens = lines(os.getenv("BENCH_TOKENS"))
  paragraphs = lines(os.getenv("BENCH_PARAGRAPHS"))
  emails = lines(os.getenv("BENCH_EMAILS"))
  n = (tid or 1) * 7919
  math.randomseed(tid or 1)
end

function request()
  n = n + 1
  local r = math.random()
  local req
  if r < 0.30 then
    kind = "read_comments"
    req = wrk.format("GET", page_path)
  elseif r < 0.60 then
    kind = "read_draft_api"
    req = wrk.format("GET", "/api/v1/drafts/" .. draft)
  elseif r < 0.90 then
    kind = "read_page"
    req = wrk.format("GET", "/drafts/" .. draft)
  elseif r < 0.99 then
    kind = "comment"
    req = wrk.format("POST", "/api/v1/drafts/" .. draft .. "/comments",
      { ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] },
      string.format('{"paragraph_id":"%s","body":"Mixed-load comment %d: nous saluons ce paragraphe."}',
        paragraphs[(n % #paragraphs) + 1], n))
  else
    kind = "login"
    req = wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = "application/json" },
      string.format('{"email":"%s","password":"%s"}', emails[(n % #emails) + 1], password))
  end
  started = now_us()
  return req
end

function response(code, headers, body)
  local us = now_us() - started
  local b = math.floor(us / 100)
  for _, k in ipairs(kind:sub(1, 4) == "read" and { kind, "read" } or { kind }) do
    local hk = k .. ":" .. b
    hist[hk] = (hist[hk] or 0) + 1
    local ck = k .. ":" .. code
    codes[ck] = (codes[ck] or 0) + 1
  end
end

local function pct(h, total, p)
  local keys = {}
  for k in pairs(h) do keys[#keys + 1] = k end
  table.sort(keys)
  local want, seen = total * p / 100, 0
  for _, k in ipairs(keys) do
    seen = seen + h[k]
    if seen >= want then return (k + 1) * 100 end
  end
  return 0
end

function extra_done()
  local H, S = {}, {}
  for _, t in ipairs(threads) do
    for key, c in pairs(t:get("hist")) do
      local k, b = key:match("^(.*):(%d+)$")
      H[k] = H[k] or {}
      b = tonumber(b)
      H[k][b] = (H[k][b] or 0) + c
    end
    for key, c in pairs(t:get("codes")) do
      local k, code = key:match("^(.*):(%d+)$")
      S[k] = S[k] or {}
      S[k][code] = (S[k][code] or 0) + c
    end
  end
  local out = {}
  for k, h in pairs(H) do
    local total = 0
    for _, c in pairs(h) do total = total + c end
    local cs = {}
    for code, c in pairs(S[k] or {}) do cs[#cs + 1] = string.format('"%s":%d', code, c) end
    out[#out + 1] = string.format('"%s":{"n":%d,"p50_us":%d,"p99_us":%d,"status":{%s}}',
      k, total, pct(h, total, 50), pct(h, total, 99), table.concat(cs, ","))
  end
  io.write('BENCH_MIXED {' .. table.concat(out, ",") .. '}\n')
end
