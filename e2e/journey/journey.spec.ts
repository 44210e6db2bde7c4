// The demo journey for August 2019, in one file so that one worker runs it in order on one database:
// the commentary is drafted, returned, submitted and approved, then the pack is signed off, published
// and amended.
import "./commentary";
import "./pack";
