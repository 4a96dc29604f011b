-- Which dispatcher holds a SENDING message's claim (a token per claimed batch). A dispatcher renews
-- and finishes only the claims it still holds, so a message whose short lease another dispatcher
-- took over is never sent by both.
ALTER TABLE email_message ADD COLUMN claimed_by VARCHAR(36);
