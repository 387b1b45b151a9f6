# Exports R's datasets::EuStockMarkets (daily closing prices of DAX, SMI, CAC and FTSE, 1991-1998,
# 1,860 business days) to eustockmarkets.csv for the regime and indicator references and tests.
# Interpreter: Debian r-base-core. Run from this directory: Rscript gen_eustockmarkets.R
x <- as.data.frame(EuStockMarkets)
write.csv(x, "eustockmarkets.csv", row.names = FALSE, quote = FALSE)
