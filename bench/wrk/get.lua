-- A plain GET of one URL (the path is given on the command line); extra headers from
-- the environment variable BENCH_HEADER ("Name: value").
local h = os.getenv("BENCH_HEADER")
if h and h ~= "" then
  local name, value = h:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
