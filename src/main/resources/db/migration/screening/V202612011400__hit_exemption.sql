-- A penalty the rules exempt from dishonesty (简易程序, 首违不罚 where the rule set in force says so) is kept in the
-- index with its exemption, so that a check can say why its measures do not apply.
ALTER TABLE screening.hit ADD COLUMN exemption TEXT;
