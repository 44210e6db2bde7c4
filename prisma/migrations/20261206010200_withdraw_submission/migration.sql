-- A lead may withdraw a submission before the director acts; the history records it.
ALTER TYPE "ReviewAction" ADD VALUE 'WITHDRAW';
